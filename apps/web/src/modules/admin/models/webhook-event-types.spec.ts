import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_PATTERN } from '@kehu/contracts';
import { patternMatches, WEBHOOK_EVENT_TYPES, webhookPatternSuggestions } from './webhook-event-types';

describe('webhook pattern suggestions', () => {
  it('offer everything, one group per record type, then the single types', () => {
    const [all, groups, types] = webhookPatternSuggestions(['customer.created', 'customer.updated', 'case.resolved']);
    expect(all).toEqual({ key: 'all', options: ['*'] });
    expect(groups).toEqual({ key: 'groups', options: ['customer.*', 'case.*'] });
    expect(types.options).toEqual(['customer.created', 'customer.updated', 'case.resolved']);
  });

  it('are all patterns the API accepts, without duplicates', () => {
    const options = webhookPatternSuggestions().flatMap((g) => g.options);
    expect(new Set(options).size).toBe(options.length);
    for (const option of options) expect(option).toMatch(WEBHOOK_EVENT_PATTERN);
    expect(options).toEqual(expect.arrayContaining(['customer.created', 'case.resolved', 'work_order.completed', 'customer.*', '*']));
  });

  it('match like the server: * stands for any characters, dots included', () => {
    expect(patternMatches('customer.*', 'customer.created')).toBe(true);
    expect(patternMatches('customer.*', 'customerx.created')).toBe(false);
    expect(patternMatches('*.deleted', 'lead.deleted')).toBe(true);
    expect(patternMatches('*', 'work_order.completed')).toBe(true);
    expect(patternMatches('case.resolved', 'case.resolvedx')).toBe(false);
    expect(WEBHOOK_EVENT_TYPES.filter((type) => patternMatches('customer.*', type)).length).toBeGreaterThan(5);
  });
});
