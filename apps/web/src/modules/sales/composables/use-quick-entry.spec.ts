import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ActivityType } from '@kehu/contracts';
import { fakeApi, json } from '@/test/fake-api';
import { openQuickEntry, useQuickEntryState } from './use-quick-entry';
import { useQuickEntryForm } from './use-quick-entry-form';

const customer = { id: '11111111-1111-4111-8111-111111111111', name: '杭州西湖茶业' };

describe('quick entry', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('opens with the current customer chosen', () => {
    openQuickEntry(customer);
    const { open, preset } = useQuickEntryState();
    expect(open.value).toBe(true);
    expect(preset.value).toEqual(customer);
    open.value = false;
  });

  it('asks for nothing but customer, type and text, and posts them to /activities/quick', async () => {
    const sent: unknown[] = [];
    const api = fakeApi({
      'POST /api/v1/activities/quick': async (request) => {
        sent.push(await request.json());
        return json(201, { id: 'a1', customerId: customer.id });
      },
    });
    const form = useQuickEntryForm();
    form.reset(null);
    expect(await form.submit()).toBeNull();
    expect(Object.keys(form.errors.value).sort()).toEqual(['customerId', 'text']);
    expect(api.calls('POST /api/v1/activities/quick')).toHaveLength(0);

    form.reset(customer);
    form.type.value = ActivityType.VISIT;
    form.text.value = '  上门拜访\n客户要样品  ';
    const saved = await form.submit();
    expect(saved?.id).toBe('a1');
    expect(sent[0]).toEqual({ customerId: customer.id, type: 'visit', text: '上门拜访\n客户要样品' });
    expect(useQuickEntryState().lastSaved.value?.id).toBe('a1');
  });

  it('logs on a lead preset from its page: posts leadId, and refuses a task (tasks are planned on customers)', async () => {
    const lead = { kind: 'lead' as const, id: '22222222-2222-4222-8222-222222222222', name: '张伟' };
    const sent: unknown[] = [];
    const api = fakeApi({
      'POST /api/v1/activities/quick': async (request) => {
        sent.push(await request.json());
        return json(201, { id: 'a2', customerId: null, leadId: lead.id });
      },
    });
    const form = useQuickEntryForm();
    form.reset(lead);
    expect(form.lead.value).toEqual(lead);
    expect(form.customer.value).toBeNull();
    form.type.value = ActivityType.TASK;
    form.text.value = '明天回电';
    expect(await form.submit()).toBeNull();
    expect(form.errors.value.type).toBeTruthy();
    expect(api.calls('POST /api/v1/activities/quick')).toHaveLength(0);

    form.type.value = ActivityType.CALL;
    form.text.value = '首次电话\n对报价感兴趣';
    expect((await form.submit())?.id).toBe('a2');
    expect(sent[0]).toEqual({ leadId: lead.id, type: 'call', text: '首次电话\n对报价感兴趣' });
    expect(useQuickEntryState().lastSaved.value?.leadId).toBe(lead.id);
  });
});
