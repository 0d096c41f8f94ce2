/** Seconds before the next attempt after the 1st, 2nd, … failed one; after the last, the delivery is failed (8 attempts in all, over ~45 h). */
export const WEBHOOK_RETRY_DELAYS_SECONDS = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 12 * 3600, 24 * 3600] as const;

/** Deliveries in a row that end failed (no 2xx between) before a subscription is paused. */
export const WEBHOOK_PAUSE_AFTER_FAILED_DELIVERIES = 50;

/** The wait after the n-th failed attempt (1-based), or null when retries are used up. */
export const retryDelaySeconds = (failedAttempts: number): number | null => WEBHOOK_RETRY_DELAYS_SECONDS[failedAttempts - 1] ?? null;
