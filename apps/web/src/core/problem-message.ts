import type { ApiProblemError } from '@kehu/api-client';
import { i18n } from '@/i18n';

/**
 * What to tell the user about a problem: our own translation for codes whose meaning is
 * fixed (the API writes `detail` in English), else the server's `detail`, else its `title`.
 */
export function problemMessage(problem: ApiProblemError): string {
  const key = `errors.codes.${problem.code}`;
  return i18n.global.te(key) ? i18n.global.t(key) : (problem.detail ?? problem.title);
}
