import { useI18n } from 'vue-i18n';
import type { SlaClockDto } from '@kehu/contracts';
import { durationText, slaBadge, type SlaBadge } from '../models/case-sla';

/** The badge of an SLA clock with its text in the UI language. */
export function useCaseSlaText() {
  const { t } = useI18n();
  const words = {
    days: (n: number) => t('service.duration.days', { n }),
    hours: (n: number) => t('service.duration.hours', { n }),
    minutes: (n: number) => t('service.duration.minutes', { n }),
  };
  const textOf = (b: SlaBadge) => t(`service.sla.badge.${b.key}`, { time: b.minutes === null ? '' : durationText(b.minutes, words) });
  const badgeOf = (clock: SlaClockDto | null | undefined, now: Date) => {
    const b = slaBadge(clock, now);
    return { ...b, text: textOf(b) };
  };
  return { badgeOf, duration: (minutes: number) => durationText(minutes, words) };
}
