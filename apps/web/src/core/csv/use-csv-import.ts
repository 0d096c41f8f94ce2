import { computed, onBeforeUnmount, ref } from 'vue';
import { detectMapping, ImportDuplicateMode, ImportStatus, type ImportColumnDto, type ImportJobDto } from '@kehu/contracts';
import { csvTransferApi, type CsvEntity } from './csv-transfer.api';
import { previewCsv, type CsvPreview } from './csv-preview';

export type ImportStep = 'file' | 'mapping' | 'running' | 'summary';

/**
 * The import dialog's flow: choose a file → preview with the detected mapping (editable)
 * → options → start → poll the job until it finishes → summary.
 */
export function useCsvImport(entity: CsvEntity, pollMs = 1000) {
  const step = ref<ImportStep>('file');
  const file = ref<File | null>(null);
  const preview = ref<CsvPreview | null>(null);
  const columns = ref<ImportColumnDto[]>([]);
  const mapping = ref<Record<string, string>>({});
  const duplicates = ref<ImportDuplicateMode>(ImportDuplicateMode.SKIP);
  const job = ref<ImportJobDto | null>(null);
  const starting = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const missingRequired = computed(() => columns.value.filter((c) => c.required && !Object.values(mapping.value).includes(c.key)));
  const progress = computed(() => {
    const j = job.value;
    if (!j || !j.total) return j?.status === ImportStatus.DONE ? 100 : 0;
    return Math.min(100, Math.round((j.processed / j.total) * 100));
  });

  async function choose(next: File): Promise<void> {
    file.value = next;
    const [p, cols] = await Promise.all([previewCsv(next), csvTransferApi.columns(entity)]);
    preview.value = p;
    columns.value = cols.columns;
    mapping.value = detectMapping(p.header, cols.columns);
    step.value = 'mapping';
  }

  async function start(): Promise<void> {
    if (!file.value) return;
    starting.value = true;
    try {
      job.value = await csvTransferApi.start(entity, file.value, { duplicates: duplicates.value, mapping: mapping.value });
      step.value = 'running';
      poll();
    } finally {
      starting.value = false;
    }
  }

  function poll(): void {
    timer = setTimeout(async () => {
      if (!job.value) return;
      try {
        job.value = await csvTransferApi.get(job.value.id);
      } catch {
        // a blip: try again on the next tick
      }
      if (job.value.status === ImportStatus.DONE || job.value.status === ImportStatus.FAILED) step.value = 'summary';
      else poll();
    }, pollMs);
  }

  function reset(): void {
    clearTimeout(timer);
    Object.assign(step, { value: 'file' });
    file.value = null;
    preview.value = null;
    mapping.value = {};
    job.value = null;
    duplicates.value = ImportDuplicateMode.SKIP;
  }

  onBeforeUnmount(() => clearTimeout(timer));

  return { step, file, preview, columns, mapping, duplicates, job, starting, missingRequired, progress, choose, start, reset, downloadErrors: () => job.value && csvTransferApi.downloadErrors(job.value.id) };
}
