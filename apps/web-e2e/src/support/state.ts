import type { ChildProcess } from 'node:child_process';

/** Shared by global setup and teardown, which jest runs in the same process. */
export const state: { api?: ChildProcess; serverUrl?: string; databaseName?: string } = ((globalThis as any).__kehuE2e ??= {});
