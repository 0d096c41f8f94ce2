import { createKehuClient, unwrap } from './create-kehu-client';
import { ApiProblemError, isApiProblemError } from './api-problem.error';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Failed', status, code, detail: `detail ${code}`, errors: [{ field: 'email', message: 'bad', rule: 'isEmail' }] }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
const me = { user: { id: '1', name: 'Ada', email: 'a@b.c', locale: 'en', departmentId: null }, roles: [], permissions: [], scope: 'own', modules: [] };

describe('createKehuClient', () => {
  it('sends the bearer token and returns the body', async () => {
    const fetch = jest.fn(async (_req: Request) => json(200, me));
    const client = createKehuClient({ baseUrl: 'http://api.test', getAccessToken: () => 'tok', fetch });
    const data = await unwrap(client.GET('/api/v1/me'));
    expect(data.user.name).toBe('Ada');
    expect(fetch.mock.calls[0][0].headers.get('Authorization')).toBe('Bearer tok');
  });

  it('throws problem+json answers as ApiProblemError with Retry-After', async () => {
    const fetch = jest.fn(async () => problem(429, 'RATE_LIMITED', { 'Retry-After': '42', 'X-Request-Id': 'r1' }));
    const client = createKehuClient({ baseUrl: 'http://api.test', fetch });
    const error = await client.POST('/api/v1/auth/login', { body: { email: 'a@b.c', password: 'x' } }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblemError);
    expect(isApiProblemError(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', detail: 'detail RATE_LIMITED', retryAfter: 42, requestId: 'r1' });
    expect(error.errors).toEqual([{ field: 'email', message: 'bad', rule: 'isEmail' }]);
  });

  it('keeps problem members beyond RFC 9457, such as duplicate candidates', async () => {
    const body = { type: 'about:blank', title: 'Conflict', status: 409, code: 'DUPLICATE_SUSPECTED', candidates: [{ id: 'c1', reasons: ['phone'] }] };
    const fetch = jest.fn(async () => new Response(JSON.stringify(body), { status: 409, headers: { 'Content-Type': 'application/problem+json' } }));
    const client = createKehuClient({ baseUrl: 'http://api.test', fetch });
    const error = await client.GET('/api/v1/me').catch((e) => e);
    expect(error.extensions).toEqual({ candidates: [{ id: 'c1', reasons: ['phone'] }] });
  });

  it('turns a non-problem failure into a synthetic problem', async () => {
    const fetch = jest.fn(async () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const client = createKehuClient({ baseUrl: 'http://api.test', fetch });
    await expect(client.GET('/api/v1/me')).rejects.toMatchObject({ status: 502, code: 'HTTP_ERROR', title: 'Bad Gateway' });
  });

  it('retries once with the new token after onUnauthorized resolves true', async () => {
    let token = 'old';
    const fetch = jest.fn(async (req: Request) => (req.headers.get('Authorization') === 'Bearer new' ? json(200, me) : problem(401, 'TOKEN_EXPIRED')));
    const onUnauthorized = jest.fn(async () => {
      token = 'new';
      return true;
    });
    const client = createKehuClient({ baseUrl: 'http://api.test', getAccessToken: () => token, onUnauthorized, fetch });
    const data = await unwrap(client.POST('/api/v1/me/password', { body: { currentPassword: 'a', newPassword: 'b' } }).then(() => client.GET('/api/v1/me')));
    expect(data.user.id).toBe('1');
    expect(onUnauthorized).toHaveBeenCalledWith(expect.objectContaining({ token: 'old' }));
  });

  it('does not ask to refresh for the login endpoint', async () => {
    const onUnauthorized = jest.fn(async () => true);
    const client = createKehuClient({ baseUrl: 'http://api.test', getAccessToken: () => 'tok', onUnauthorized, fetch: async () => problem(401, 'INVALID_CREDENTIALS') });
    await expect(client.POST('/api/v1/auth/login', { body: { email: 'a@b.c', password: 'x' } })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});
