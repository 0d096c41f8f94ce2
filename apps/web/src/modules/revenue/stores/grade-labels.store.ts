import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { GradeLabelsDto } from '@kehu/contracts';
import { gradingApi } from '../api/revenue.api';
import { gradeLabel } from '../models/grade-label';

/** The grade labels from the grading settings (A → 重点客户 …), loaded once and shared by every page that shows a grade. */
export const useGradeLabelsStore = defineStore('revenue-grade-labels', () => {
  const labels = ref<GradeLabelsDto | null>(null);
  let loading: Promise<void> | null = null;

  function ensure(): Promise<void> {
    // A failed load (e.g. offline) is retried the next time a grade is shown.
    loading ??= gradingApi.get().then(
      (set) => void (labels.value = { ...set.labels }),
      () => void (loading = null),
    );
    return loading;
  }

  /** After the grading page saves new labels. */
  const set = (next: GradeLabelsDto) => void (labels.value = { ...next });
  const labelOf = (grade: string | null | undefined) => gradeLabel(grade, labels.value);

  return { labels, ensure, set, labelOf };
});
