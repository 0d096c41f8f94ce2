import { CaseEventKind, type CaseEventDto } from '@kehu/contracts';

export type CaseEventStyle = 'reply' | 'note' | 'breach' | 'step';

/** How the history shows an entry: replies as messages to the customer, notes as internal, breaches in red, the rest as steps. */
export function caseEventStyle(kind: CaseEventKind): CaseEventStyle {
  if (kind === CaseEventKind.REPLY || kind === CaseEventKind.CREATED) return 'reply';
  if (kind === CaseEventKind.NOTE) return 'note';
  if (kind === CaseEventKind.RESPONSE_BREACHED || kind === CaseEventKind.RESOLUTION_BREACHED) return 'breach';
  return 'step';
}

export const caseEventColor: Record<CaseEventStyle, string> = {
  reply: 'var(--el-color-primary)',
  note: 'var(--el-color-warning)',
  breach: 'var(--el-color-danger)',
  step: 'var(--el-border-color-darker)',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The parameters an entry's sentence needs, read defensively from its free-form `data`. */
export function caseEventDetails(e: CaseEventDto): { from: string | null; to: string | null; toOwnerId: string | null; score: number | null; fields: string[] } {
  const d = e.data ?? {};
  return {
    from: str(d.from),
    to: str(d.to),
    toOwnerId: str(d.toOwnerId),
    score: typeof d.score === 'number' ? d.score : null,
    fields: Array.isArray(d.fields) ? d.fields.filter((f): f is string => typeof f === 'string') : [],
  };
}
