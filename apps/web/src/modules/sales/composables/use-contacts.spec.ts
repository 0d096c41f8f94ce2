import { describe, expect, it } from 'vitest';
import { ConsentStatus, ContactChannel, type ContactDto } from '@kehu/contracts';
import { changedConsents, consentChannels, contactCreateBody, contactUpdateBody, contactValuesOf } from './use-contacts';

const contact: ContactDto = {
  id: 'c1', customerId: 'cu1', name: '陈经理', title: '采购', department: null, phones: ['+8657188886666'], emails: [], wechatId: null, birthday: null,
  isPrimary: false, ownerId: null, departmentId: null, preferredChannel: null, preferredHours: null,
  consents: consentChannels.map((channel) => ({ channel, status: channel === ContactChannel.EMAIL ? ConsentStatus.OPTED_IN : ConsentStatus.UNKNOWN, source: null, changedAt: null })),
  notes: null, externalId: null, externalSource: null, createdAt: '', updatedAt: '', version: 2,
};

describe('contacts', () => {
  it('drops empty phone and e-mail rows and blanks on create', () => {
    const values = { ...contactValuesOf(contact), phones: ['0571 8888 6666', ' '], emails: [''], title: '' };
    expect(contactCreateBody('cu1', values)).toEqual({ customerId: 'cu1', name: '陈经理', phones: ['0571 8888 6666'] });
  });

  it('sends changed fields only on update, cleared ones as null', () => {
    const values = { ...contactValuesOf(contact), title: '', emails: ['li@example.com', ''], isPrimary: true };
    expect(contactUpdateBody(values, contact)).toEqual({ title: null, emails: ['li@example.com'], isPrimary: true });
  });

  it('puts only the channels whose consent changed', () => {
    const edited = Object.fromEntries(consentChannels.map((c) => [c, { status: contact.consents.find((x) => x.channel === c)!.status, source: '' }])) as Parameters<typeof changedConsents>[1];
    edited.sms = { status: ConsentStatus.OPTED_OUT, source: ' call ' };
    expect(changedConsents(contact.consents, edited)).toEqual([{ channel: 'sms', status: 'opted_out', source: 'call' }]);
  });
});
