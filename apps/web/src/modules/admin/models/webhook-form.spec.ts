import { describe, expect, it } from 'vitest';
import type { WebhookDto } from '@kehu/contracts';
import { blankWebhook, createWebhookBody, isPlainHttp, updateWebhookBody, webhookValues } from './webhook-form';

const webhook: WebhookDto = {
  id: 'w1', name: 'ERP', url: 'https://erp.example.com/hook', events: ['customer.*'], active: false, pausedReason: '50 failed', description: 'sync',
  consecutiveFailures: 50, lastDelivery: null, createdBy: null, createdAt: '2026-11-27T00:00:00Z', updatedAt: '2026-11-27T00:00:00Z', version: 3,
};

describe('webhook form ↔ body', () => {
  it('creates with trimmed values, patterns de-duplicated, a blank description left out', () => {
    const values = { ...blankWebhook(), name: ' ERP ', url: ' https://erp.example.com/hook ', events: ['customer.*', ' case.resolved', 'customer.*', ''] };
    expect(createWebhookBody(values)).toEqual({ name: 'ERP', url: 'https://erp.example.com/hook', events: ['customer.*', 'case.resolved'], active: true });
    expect(createWebhookBody({ ...values, description: ' why ' }).description).toBe('why');
  });

  it('edits send only what changed, so saving a paused webhook does not resume it', () => {
    const values = webhookValues(webhook);
    expect(updateWebhookBody(values, webhook)).toEqual({});
    expect(updateWebhookBody({ ...values, name: 'ERP 2', events: ['customer.*', 'case.*'] }, webhook)).toEqual({ name: 'ERP 2', events: ['customer.*', 'case.*'] });
    expect(updateWebhookBody({ ...values, active: true }, webhook)).toEqual({ active: true });
  });

  it('clears a description with null', () => {
    expect(updateWebhookBody({ ...webhookValues(webhook), description: '  ' }, webhook)).toEqual({ description: null });
    expect(updateWebhookBody({ ...webhookValues({ ...webhook, description: null }), description: 'new' }, { ...webhook, description: null })).toEqual({ description: 'new' });
  });

  it('flags plain http for the https hint', () => {
    expect(isPlainHttp('http://10.0.0.5/hook')).toBe(true);
    expect(isPlainHttp('HTTP://x')).toBe(true);
    expect(isPlainHttp('https://x')).toBe(false);
  });
});
