import { describe, expect, it } from 'vitest';
import { CasePriority, ServiceContractStatus, type ServiceContractDto, type SlaTargetDto } from '@kehu/contracts';
import {
  contractTargetsBody,
  createServiceContractBody,
  emptyServiceContractForm,
  formFromServiceContract,
  serviceContractActions,
  serviceContractStatusTag,
  serviceLevelRows,
  targetErrorsByPriority,
  targetProblem,
  termProblem,
  updateServiceContractBody,
} from './service-contract-form';

const policy: SlaTargetDto[] = [
  { priority: CasePriority.URGENT, firstResponseMinutes: 30, resolutionMinutes: 240, businessHours: false },
  { priority: CasePriority.HIGH, firstResponseMinutes: 60, resolutionMinutes: 480, businessHours: true },
  { priority: CasePriority.NORMAL, firstResponseMinutes: 240, resolutionMinutes: 1440, businessHours: true },
  { priority: CasePriority.LOW, firstResponseMinutes: null, resolutionMinutes: 4320, businessHours: true },
];

const contract: ServiceContractDto = {
  id: 'sc1',
  number: 'SC-20261126-00007',
  name: '2027 年度金牌维保',
  customerId: 'c1',
  customerName: '恒达',
  level: '金牌',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  status: ServiceContractStatus.UPCOMING,
  // Stored in the server's priority order (low first).
  slaTargets: [
    { priority: CasePriority.HIGH, firstResponseMinutes: 15, resolutionMinutes: 120, businessHours: false },
    { priority: CasePriority.URGENT, firstResponseMinutes: 10, resolutionMinutes: 60, businessHours: false },
  ],
  visitsIncluded: 6,
  visitsUsed: 1,
  caseCount: 2,
  notes: null,
  ownerId: 'u1',
  departmentId: null,
  terminatedAt: null,
  terminationReason: null,
  createdAt: '2026-11-26T00:00:00Z',
  updatedAt: '2026-11-26T00:00:00Z',
  createdBy: 'u1',
  version: 2,
};

describe('service contract form', () => {
  it('starts every priority on the policy, not overridden, highest first', () => {
    const form = emptyServiceContractForm(policy);
    expect(form.targets.map((t) => [t.priority, t.override])).toEqual([
      ['urgent', false],
      ['high', false],
      ['normal', false],
      ['low', false],
    ]);
    expect(form.targets[1]).toMatchObject({ firstResponse: { hours: 1, minutes: 0 }, resolution: { hours: 8, minutes: 0 }, businessHours: true });
    expect(contractTargetsBody(form.targets)).toEqual([]);
  });

  it('sends only the overridden priorities, in minutes', () => {
    const form = emptyServiceContractForm(policy, { customerId: 'c1', name: '  金牌维保 ', startDate: '2027-01-01', endDate: '2027-12-31' });
    const high = form.targets[1];
    Object.assign(high, { override: true, firstResponse: { hours: 0, minutes: 15 }, resolution: { hours: 2, minutes: null }, businessHours: false });
    expect(createServiceContractBody(form)).toEqual({
      customerId: 'c1',
      name: '金牌维保',
      level: undefined,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      slaTargets: [{ priority: 'high', firstResponseMinutes: 15, resolutionMinutes: 120, businessHours: false }],
      visitsIncluded: undefined,
      notes: undefined,
      ownerId: undefined,
    });
  });

  it('an override with empty durations promises no target for that clock', () => {
    const form = emptyServiceContractForm(policy);
    Object.assign(form.targets[3], { override: true, firstResponse: { hours: null, minutes: null } });
    expect(contractTargetsBody(form.targets)).toEqual([{ priority: 'low', firstResponseMinutes: null, resolutionMinutes: 4320, businessHours: true }]);
  });

  it('reads a contract: its own targets overridden, the rest from the policy', () => {
    const form = formFromServiceContract(contract, policy);
    expect(form.targets.map((t) => t.override)).toEqual([true, true, false, false]);
    expect(form.targets[0]).toMatchObject({ firstResponse: { hours: 0, minutes: 10 }, resolution: { hours: 1, minutes: 0 }, businessHours: false });
    expect(form.targets[2]).toMatchObject({ firstResponse: { hours: 4, minutes: 0 } });
    expect(form).toMatchObject({ level: '金牌', notes: '', visitsIncluded: 6 });
  });

  it('an update sends only what changed; targets in another order are no change', () => {
    const form = formFromServiceContract(contract, policy);
    expect(updateServiceContractBody(form, contract)).toEqual({});
    form.name = '2027 年度铂金维保';
    form.level = '';
    form.visitsIncluded = null;
    form.targets[2].override = true;
    const body = updateServiceContractBody(form, contract);
    expect(body).toEqual({
      name: '2027 年度铂金维保',
      level: null,
      visitsIncluded: null,
      slaTargets: [
        { priority: 'urgent', firstResponseMinutes: 10, resolutionMinutes: 60, businessHours: false },
        { priority: 'high', firstResponseMinutes: 15, resolutionMinutes: 120, businessHours: false },
        { priority: 'normal', firstResponseMinutes: 240, resolutionMinutes: 1440, businessHours: true },
      ],
    });
    form.targets[0].override = form.targets[1].override = form.targets[2].override = false;
    expect(updateServiceContractBody(form, contract).slaTargets).toEqual([]);
  });

  it('checks the server rules: end on or after start, resolution not shorter than response', () => {
    expect(termProblem({ startDate: '2027-01-01', endDate: '2026-12-31' })).toBe('endBeforeStart');
    expect(termProblem({ startDate: '2027-01-01', endDate: '2027-01-01' })).toBeNull();
    expect(termProblem({ startDate: '', endDate: '2027-01-01' })).toBeNull();
    const [urgent] = emptyServiceContractForm(policy).targets;
    expect(targetProblem({ ...urgent, override: true, firstResponse: { hours: 2, minutes: 0 }, resolution: { hours: 1, minutes: 30 } })).toBe('resolutionBeforeResponse');
    expect(targetProblem({ ...urgent, override: false, firstResponse: { hours: 2, minutes: 0 }, resolution: { hours: 1, minutes: 30 } })).toBeNull();
    expect(targetProblem({ ...urgent, override: true, firstResponse: { hours: null, minutes: null }, resolution: { hours: 1, minutes: 0 } })).toBeNull();
  });

  it('moves errors of the sent targets (by index) to their priority', () => {
    const sent = [
      { priority: CasePriority.URGENT, firstResponseMinutes: 10, resolutionMinutes: 5 },
      { priority: CasePriority.HIGH, firstResponseMinutes: 10, resolutionMinutes: 5 },
    ];
    expect(targetErrorsByPriority({ 'slaTargets.1.resolutionMinutes': 'too short', name: 'x' }, sent)).toEqual({ high: 'too short' });
  });
});

describe('service contract status and levels', () => {
  it('maps every status to a tag', () => {
    expect(Object.keys(serviceContractStatusTag).sort()).toEqual(Object.values(ServiceContractStatus).sort());
    expect(serviceContractStatusTag.active).toBe('success');
    expect(serviceContractStatusTag.terminated).toBe('danger');
    expect(serviceContractStatusTag.expired).toBe('info');
  });

  it('a terminated contract can only be deleted; nothing without the manage permission', () => {
    expect(serviceContractActions(ServiceContractStatus.ACTIVE, true)).toEqual(['edit', 'terminate', 'delete']);
    expect(serviceContractActions(ServiceContractStatus.EXPIRED, true)).toEqual(['edit', 'terminate', 'delete']);
    expect(serviceContractActions(ServiceContractStatus.TERMINATED, true)).toEqual(['delete']);
    expect(serviceContractActions(ServiceContractStatus.ACTIVE, false)).toEqual([]);
  });

  it('puts the contract targets beside the policy per priority', () => {
    const rows = serviceLevelRows(contract.slaTargets, policy);
    expect(rows.map((r) => r.priority)).toEqual(['urgent', 'high', 'normal', 'low']);
    expect(rows[1].contract).toMatchObject({ firstResponseMinutes: 15 });
    expect(rows[1].policy).toMatchObject({ firstResponseMinutes: 60 });
    expect(rows[2].contract).toBeNull();
  });
});
