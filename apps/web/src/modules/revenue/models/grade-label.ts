import type { GradeLabelsDto } from '@kehu/contracts';

/**
 * A grade as people read it: the letter and the label the grading settings give it
 * ("A · 重点客户"). Without a label (not loaded yet, or not readable) the letter alone;
 * no grade at all is null so callers can show their own placeholder.
 */
export function gradeLabel(grade: string | null | undefined, labels: Partial<GradeLabelsDto> | null | undefined): string | null {
  if (!grade) return null;
  const label = labels?.[grade as keyof GradeLabelsDto]?.trim();
  return label && label !== grade ? `${grade} · ${label}` : grade;
}
