import { stopApi } from './api-process';
import { dropTestDatabase } from './test-database';
import { state } from './state';

export default async function globalTeardown(): Promise<void> {
  if (state.api) await stopApi(state.api);
  if (state.serverUrl && state.databaseName) await dropTestDatabase(state.serverUrl, state.databaseName);
}
