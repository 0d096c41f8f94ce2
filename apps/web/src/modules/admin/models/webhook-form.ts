import type { CreateWebhookDto, UpdateWebhookDto, WebhookDto } from '@kehu/contracts';

export interface WebhookFormValues {
  name: string;
  url: string;
  events: string[];
  description: string;
  active: boolean;
}

export const blankWebhook = (): WebhookFormValues => ({ name: '', url: 'https://', events: [], description: '', active: true });

export const webhookValues = (w: WebhookDto): WebhookFormValues => ({ name: w.name, url: w.url, events: [...w.events], description: w.description ?? '', active: w.active });

const tidy = (events: string[]) => [...new Set(events.map((e) => e.trim()).filter(Boolean))];

export function createWebhookBody(values: WebhookFormValues): CreateWebhookDto {
  const description = values.description.trim();
  return { name: values.name.trim(), url: values.url.trim(), events: tidy(values.events), active: values.active, ...(description ? { description } : {}) };
}

/** Only what changed (PATCH semantics), so an edit does not resume a paused webhook unless asked; a cleared description is sent as null. */
export function updateWebhookBody(values: WebhookFormValues, before: WebhookDto): UpdateWebhookDto {
  const next = createWebhookBody(values);
  const body: UpdateWebhookDto = {};
  if (next.name !== before.name) body.name = next.name;
  if (next.url !== before.url) body.url = next.url;
  if (next.events.join('\n') !== before.events.join('\n')) body.events = next.events;
  if (next.active !== before.active) body.active = next.active;
  if ((next.description ?? null) !== before.description) body.description = next.description ?? null;
  return body;
}

/** Plain http is allowed (internal receivers) but sends bodies and signatures readable on the way. */
export const isPlainHttp = (url: string): boolean => /^http:\/\//i.test(url.trim());
