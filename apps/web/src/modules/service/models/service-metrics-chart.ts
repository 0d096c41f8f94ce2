import type { ServiceDayDto, ServiceTypeCountDto } from '@kehu/contracts';

/** Opened vs resolved per day: bars for what came in, a line for what was solved. */
export function serviceDaysOption(days: ServiceDayDto[], labels: { opened: string; resolved: string }, formatDay: (day: string) => string): Record<string, unknown> {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.opened, labels.resolved] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => formatDay(d.day)), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.opened, type: 'bar', data: days.map((d) => d.opened), barMaxWidth: 18, itemStyle: { color: '#409eff' } },
      { name: labels.resolved, type: 'line', data: days.map((d) => d.resolved), smooth: true, symbolSize: 6, itemStyle: { color: '#67c23a' } },
    ],
  };
}

/** Cases opened by type, as a doughnut; empty types left out. */
export function serviceTypesOption(types: ServiceTypeCountDto[], labelOf: (type: string) => string): Record<string, unknown> {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '65%'],
        center: ['50%', '50%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}' },
        data: types.filter((x) => x.opened > 0).map((x) => ({ name: labelOf(x.type), value: x.opened })),
      },
    ],
  };
}

/** 0.8567 → "85.7%"; null (nothing to measure) → null. */
export const metricPercent = (share: number | null): string | null => (share === null ? null : `${(Math.round(share * 1000) / 10).toFixed(1)}%`);

/** The last `days` days up to today, as the API's dates. */
export function lastDays(days: number, today = new Date()): [string, string] {
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return [iso(from), iso(today)];
}
