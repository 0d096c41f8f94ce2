import type { ImportColumnsDto, ImportDuplicateMode, ImportJobDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { body, clean, type QueryOf } from '@/core/api-http';
import { currentLocale } from '@/i18n';

/** What the CSV import and export work on. */
export type CsvEntity = 'customers' | 'leads';
/** What can be exported (opportunities are export only). */
export type CsvExportEntity = CsvEntity | 'opportunities';

export interface StartImportOptions {
  duplicates: ImportDuplicateMode;
  ownerId?: string;
  mapping: Record<string, string>;
}

/** The file name a Content-Disposition offers: its UTF-8 `filename*` (a Chinese name) first, else `filename`. */
export function dispositionFileName(header: string | null): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // malformed: fall back to the plain name
    }
  }
  return /filename="([^"]+)"/.exec(header ?? '')?.[1];
}

/** Hands a downloaded file to the browser's save dialog, under the name the server gave it. */
export function saveDownload(blob: Blob, response: Response, fallback: string): void {
  const name = dispositionFileName(response.headers.get('Content-Disposition')) ?? fallback;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const exportPaths = { customers: '/api/v1/customers/export.csv', leads: '/api/v1/leads/export.csv', opportunities: '/api/v1/opportunities/export.csv' } as const;
const importPaths = { customers: '/api/v1/customers/imports', leads: '/api/v1/leads/imports' } as const;
const columnPaths = { customers: '/api/v1/customers/import-columns', leads: '/api/v1/leads/import-columns' } as const;

export const csvTransferApi = {
  /** Downloads every row the list's filters match (headers in the UI language). */
  async exportCsv(entity: CsvExportEntity, query: QueryOf<'exportCustomers'> | QueryOf<'exportLeads'> | QueryOf<'exportOpportunities'>): Promise<void> {
    const { data, response } = await api.GET(exportPaths[entity], { params: { query: clean(query) as never }, headers: { 'Accept-Language': currentLocale() }, parseAs: 'blob' });
    saveDownload(data as Blob, response, `${entity}.csv`);
  },
  columns: (entity: CsvEntity) => body<ImportColumnsDto>(api.GET(columnPaths[entity])),
  start: (entity: CsvEntity, file: Blob, options: StartImportOptions) =>
    body<ImportJobDto>(
      api.POST(importPaths[entity], {
        params: { query: clean({ duplicates: options.duplicates, ownerId: options.ownerId, mapping: JSON.stringify(options.mapping) }) },
        body: file as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { 'Content-Type': 'text/csv' },
      }),
    ),
  get: (id: string) => body<ImportJobDto>(api.GET('/api/v1/imports/{id}', { params: { path: { id } } })),
  async downloadErrors(id: string): Promise<void> {
    const { data, response } = await api.GET('/api/v1/imports/{id}/errors.csv', { params: { path: { id } }, parseAs: 'blob' });
    saveDownload(data as Blob, response, `import-${id}-errors.csv`);
  },
};
