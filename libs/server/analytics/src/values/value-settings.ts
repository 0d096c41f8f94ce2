import type { ValueSettingsDto } from '@kehu/contracts';

/** The value_settings row as pg returns it. */
export interface ValueSettingsRow {
  window_months: number;
  referral_share_percent: string;
  version: number;
  run_started_at: Date | null;
  run_finished_at: Date | null;
  run_customers: number | null;
  run_changed: number | null;
  run_ms: number | null;
  run_error: string | null;
}

export function toValueSettingsDto(r: ValueSettingsRow): ValueSettingsDto {
  return {
    windowMonths: r.window_months,
    referralSharePercent: Number(r.referral_share_percent),
    version: r.version,
    lastRun: r.run_started_at
      ? {
          startedAt: r.run_started_at.toISOString(),
          finishedAt: r.run_finished_at?.toISOString() ?? null,
          customers: r.run_customers,
          changed: r.run_changed,
          durationMs: r.run_ms,
          error: r.run_error,
        }
      : null,
  };
}
