/**
 * Event types the outbox publishes that an integrator is likely to want (collected from the
 * services' `outbox.publish` calls). Suggestions only: the field takes any valid pattern, so
 * an event added later is subscribable before this list learns of it.
 */
export const WEBHOOK_EVENT_TYPES = [
  'customer.created', 'customer.updated', 'customer.assigned', 'customer.claimed', 'customer.released', 'customer.merged', 'customer.deleted', 'customer.restored',
  'contact.created', 'contact.updated', 'contact.deleted', 'contact.restored',
  'activity.created', 'activity.updated', 'activity.completed', 'activity.deleted',
  'lead.created', 'lead.updated', 'lead.assigned', 'lead.converted', 'lead.deleted', 'lead.restored',
  'opportunity.created', 'opportunity.updated', 'opportunity.stage_changed', 'opportunity.won', 'opportunity.lost', 'opportunity.deleted', 'opportunity.restored',
  'product.created', 'product.updated',
  'order.created', 'order.updated', 'order.status_changed', 'order.paid', 'order.deleted',
  'sales_contract.created', 'sales_contract.updated', 'sales_contract.submitted', 'sales_contract.approved', 'sales_contract.rejected', 'sales_contract.deleted',
  'receivable.created', 'receivable.updated', 'receivable.deleted', 'payment.received',
  'commission_statement.confirmed',
  'case.created', 'case.updated', 'case.assigned', 'case.replied', 'case.status_changed', 'case.resolved', 'case.reopened', 'case.closed', 'case.rated',
  'service_contract.created', 'service_contract.updated', 'service_contract.terminated', 'service_contract.deleted',
  'work_order.scheduled', 'work_order.updated', 'work_order.in_progress', 'work_order.completed', 'work_order.cancelled',
  'knowledge_article.published', 'knowledge_article.archived',
  'user.created', 'user.updated', 'user.deleted',
] as const;

export interface PatternGroup {
  /** `admin.webhooks.patternGroups.<key>`. */
  key: 'all' | 'groups' | 'types';
  options: string[];
}

/** `*` (everything), one `<aggregate>.*` per aggregate, then the single types — the select's option groups. */
export function webhookPatternSuggestions(types: readonly string[] = WEBHOOK_EVENT_TYPES): PatternGroup[] {
  return [
    { key: 'all', options: ['*'] },
    { key: 'groups', options: [...new Set(types.map((type) => `${type.split('.')[0]}.*`))] },
    { key: 'types', options: [...types] },
  ];
}

/** Whether an event type is sent to a subscription with this pattern (`*` stands for any characters, as on the server). */
export function patternMatches(pattern: string, type: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(type);
}
