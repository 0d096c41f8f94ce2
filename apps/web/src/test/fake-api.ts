import { vi } from 'vitest';
import { PERMISSIONS } from '@kehu/contracts';

type Handler = (request: Request) => Response | Promise<Response>;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export const problem = (status: number, code: string, detail = code, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: code, status, code, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

export const noContent = () => new Response(null, { status: 204 });

export const adminMe = {
  user: { id: '00000000-0000-4000-8000-000000000001', name: 'Ada Admin', email: 'admin@kehu.local', locale: 'zh-CN', departmentId: null },
  roles: ['admin'],
  permissions: [...PERMISSIONS],
  scope: 'all',
  modules: ['sales', 'service'],
};

/**
 * Replaces `fetch` with routes keyed `METHOD /path`; unknown routes answer 404.
 * Returns the mock so tests can count calls per route.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const mock = vi.fn(async (request: Request) => {
    const key = `${request.method} ${new URL(request.url).pathname}`;
    const handler = routes[key];
    return handler ? handler(request) : problem(404, 'ROUTE_NOT_FOUND');
  });
  vi.stubGlobal('fetch', mock);
  const calls = (key: string) => mock.mock.calls.filter(([request]) => `${request.method} ${new URL(request.url).pathname}` === key);
  return { mock, calls };
}
