import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../auth/principal';

/** Per-request facts that audit, outbox and scope filters need without threading them through every call. */
export interface RequestContext {
  requestId: string;
  ip?: string;
  principal?: Principal;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
};
