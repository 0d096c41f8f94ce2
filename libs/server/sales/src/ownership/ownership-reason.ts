import type { OwnershipReasonDto } from '@kehu/contracts';

type Params = Record<string, unknown>;

/** Reason codes stored in ownership_history, with their words in both languages. */
const texts: Record<string, { zh: (p: Params) => string; en: (p: Params) => string }> = {
  'rule.noFollowUp': { zh: (p) => `超过${p.days}天无新建跟进记录自动进入公海`, en: (p) => `no follow-up for ${p.days} days` },
  'rule.noNewOpportunity': { zh: (p) => `领取后超过${p.days}天无新建商机自动进入公海`, en: (p) => `no new opportunity for ${p.days} days since the claim` },
  'rule.notWon': { zh: (p) => `领取后${p.days}天内未成交自动进入公海`, en: (p) => `not won within ${p.days} days of the claim` },
  created: { zh: () => '新建客户', en: () => 'customer created' },
  imported: { zh: () => '导入公海', en: () => 'imported into the pool' },
  claimed: { zh: () => '从公海领取', en: () => 'claimed from the pool' },
  released: { zh: (p) => `主动释放到公海：${p.note ?? ''}`, en: (p) => `released to the pool: ${p.note ?? ''}` },
  assigned: { zh: (p) => (p.note ? `由主管分配：${p.note}` : '由主管分配'), en: (p) => (p.note ? `assigned by a manager: ${p.note}` : 'assigned by a manager') },
  moved: { zh: (p) => `转移到公海「${p.poolName ?? ''}」`, en: (p) => `moved to pool "${p.poolName ?? ''}"` },
};

export function renderReason(code: string, params: Params | null | undefined): OwnershipReasonDto {
  const p = params ?? {};
  const t = texts[code];
  return { code, params: p, zh: t ? t.zh(p) : code, en: t ? t.en(p) : code };
}
