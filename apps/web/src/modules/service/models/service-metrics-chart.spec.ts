import { describe, expect, it } from 'vitest';
import { CaseType } from '@kehu/contracts';
import { lastDays, metricPercent, serviceDaysOption, serviceTypesOption } from './service-metrics-chart';

describe('service figures', () => {
  it('shares as percentages with one decimal; nothing measured stays empty', () => {
    expect(metricPercent(0.8567)).toBe('85.7%');
    expect(metricPercent(1)).toBe('100.0%');
    expect(metricPercent(null)).toBeNull();
  });

  it('the last n days end today', () => {
    expect(lastDays(7, new Date(2026, 10, 26))).toEqual(['2026-11-20', '2026-11-26']);
    expect(lastDays(30, new Date(2026, 2, 1))).toEqual(['2026-01-31', '2026-03-01']);
  });

  it('charts opened as bars and resolved as a line per day, and types without cases are left out of the pie', () => {
    const option = serviceDaysOption([{ day: '2026-11-25', opened: 3, resolved: 1 }, { day: '2026-11-26', opened: 0, resolved: 2 }], { opened: 'O', resolved: 'R' }, (d) => d.slice(5)) as {
      xAxis: { data: string[] };
      series: { type: string; data: number[] }[];
    };
    expect(option.xAxis.data).toEqual(['11-25', '11-26']);
    expect(option.series.map((s) => [s.type, s.data])).toEqual([['bar', [3, 0]], ['line', [1, 2]]]);
    const pie = serviceTypesOption([{ type: CaseType.REQUEST, opened: 4 }, { type: CaseType.RETURN, opened: 0 }], (t) => t.toUpperCase()) as { series: { data: unknown[] }[] };
    expect(pie.series[0].data).toEqual([{ name: 'REQUEST', value: 4 }]);
  });
});
