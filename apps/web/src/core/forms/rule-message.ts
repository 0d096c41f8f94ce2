import { i18n } from '@/i18n';

/**
 * Our translation of a failed validation rule where we have one, else the (English) message.
 * Length and range rules carry their limit in class-validator's message ("… equal to 10
 * characters"); it is passed on as `{n}` so the translation can say it.
 */
export function ruleMessage(rule: string, message: string): string {
  const key = `errors.rules.${rule}`;
  if (!i18n.global.te(key)) return message;
  const n = /(\d+(?:\.\d+)?)/.exec(message)?.[1] ?? '';
  return i18n.global.t(key, { n });
}
