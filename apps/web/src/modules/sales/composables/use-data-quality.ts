import { computed, ref, shallowRef } from 'vue';
import type { DataQualityReportDto, DuplicatePairDto } from '@kehu/contracts';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import { customersApi } from '../api/customers.api';

/** The completeness bands in order, low to high (the report keys them `0-39` …). */
export const completenessBands = ['0-39', '40-69', '70-89', '90-100'] as const;

/** Bars for the bands: count and share of the largest (for the bar length) and of all. */
export function bandBars(report: Pick<DataQualityReportDto, 'completenessBands' | 'customers'> | null) {
  if (!report) return [];
  const counts = completenessBands.map((band) => report.completenessBands[band] ?? 0);
  const max = Math.max(1, ...counts);
  const total = Math.max(1, report.customers);
  return completenessBands.map((band, i) => ({ band, count: counts[i], width: counts[i] / max, share: counts[i] / total }));
}

/** The data-quality report and the duplicate pairs. */
export function useDataQuality() {
  const report = shallowRef<DataQualityReportDto | null>(null);
  const staleDays = ref(90);
  const loading = ref(false);
  const pairs = useKeysetList<DuplicatePairDto>((page) => customersApi.duplicates(page), { count: false, pageSize: 50 });
  const bars = computed(() => bandBars(report.value));

  async function load(): Promise<void> {
    loading.value = true;
    try {
      report.value = await customersApi.dataQuality({ staleDays: staleDays.value });
    } finally {
      loading.value = false;
    }
  }

  return { report, staleDays, loading, bars, pairs, load };
}
