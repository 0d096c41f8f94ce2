/** The languages a CSV's header row comes in. */
export type CsvLanguage = 'en' | 'zh-CN';

/** Accept-Language → the header language of an export: Chinese when it prefers zh, else English. */
export function csvLanguage(acceptLanguage: string | undefined): CsvLanguage {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}
