import { ErrorCode, SEGMENT_OPERANDS, segmentFieldsFor, type SegmentRulesDto, type SegmentTargetType } from '@kehu/contracts';
import { DomainException } from '@kehu/server-core';

/**
 * What the DTO cannot see on its own: a customer segment has no e-mail, phone, channel or
 * consent of a contact. 400 naming the condition, as the ValidationPipe would.
 */
export function checkRulesFor(target: SegmentTargetType, rules: SegmentRulesDto): void {
  const allowed = segmentFieldsFor(target);
  const errors = rules.conditions.flatMap((c, i) =>
    allowed.includes(c.field) ? [] : [{ field: `rules.conditions.${i}.field`, rule: 'fieldOfTarget', message: `${c.field} applies to contact segments only` }],
  );
  if (errors.length) throw new DomainException(ErrorCode.VALIDATION_FAILED, errors.map((e) => e.message).join('; '), { errors });
}

/** Plain JSON of validated rules: class instances become objects, and each condition keeps only its operator's operand. */
export function rulesJson(rules: SegmentRulesDto): SegmentRulesDto {
  return {
    match: rules.match,
    conditions: rules.conditions.map((c) => {
      const operand = SEGMENT_OPERANDS[c.op];
      return { field: c.field, op: c.op, ...(operand ? { [operand]: c[operand] } : {}) } as SegmentRulesDto['conditions'][number];
    }),
  };
}
