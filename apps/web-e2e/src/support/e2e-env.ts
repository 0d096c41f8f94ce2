/** What global setup hands to the tests (through the environment, which test workers inherit). */
export interface E2eEnv {
  baseUrl: string;
  adminEmail: string;
  adminPassword: string;
}

export function e2eEnv(): E2eEnv {
  const { E2E_BASE_URL, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } = process.env;
  if (!E2E_BASE_URL || !E2E_ADMIN_EMAIL || !E2E_ADMIN_PASSWORD) throw new Error('[web-e2e] global setup did not run');
  return { baseUrl: E2E_BASE_URL, adminEmail: E2E_ADMIN_EMAIL, adminPassword: E2E_ADMIN_PASSWORD };
}
