import { describe, expect, it } from 'vitest';
import { gradeLabel } from './grade-label';

describe('gradeLabel', () => {
  const labels = { A: '重点客户', B: '普通客户', C: '一般', D: 'D' };

  it('puts the label the grading settings give next to the letter', () => {
    expect(gradeLabel('A', labels)).toBe('A · 重点客户');
    expect(gradeLabel('B', labels)).toBe('B · 普通客户');
  });

  it('shows the letter alone when there is no label or it only repeats the letter', () => {
    expect(gradeLabel('C', null)).toBe('C');
    expect(gradeLabel('C', { A: 'x' })).toBe('C');
    expect(gradeLabel('D', labels)).toBe('D');
    expect(gradeLabel('C', { C: '   ' })).toBe('C');
  });

  it('is null for a customer without a grade', () => {
    expect(gradeLabel(null, labels)).toBeNull();
    expect(gradeLabel(undefined, labels)).toBeNull();
    expect(gradeLabel('', labels)).toBeNull();
  });
});
