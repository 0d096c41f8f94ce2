import { describe, expect, it, vi } from 'vitest';
import { ApiProblemError } from '@kehu/api-client';
import { setLocale } from '@/i18n';
import { ifMatch, saveVersioned } from './concurrency';

const problem = (status: number, code: string) => new ApiProblemError({ type: 'about:blank', title: code, status, code });

describe('saveVersioned', () => {
  it('quotes the version as an ETag', () => {
    expect(ifMatch(7)).toEqual({ 'If-Match': '"7"' });
  });

  it('returns the saved value', async () => {
    const reload = vi.fn();
    await expect(saveVersioned(async () => 'saved', { reload })).resolves.toEqual({ ok: true, value: 'saved' });
    expect(reload).not.toHaveBeenCalled();
  });

  it('on 412 says someone else changed it, reloads, and reports not saved', async () => {
    setLocale('en');
    const reload = vi.fn(async () => undefined);
    const notify = vi.fn();
    const result = await saveVersioned(() => Promise.reject(problem(412, 'PRECONDITION_FAILED')), { reload, notify });
    expect(result).toEqual({ ok: false, stale: true });
    expect(reload).toHaveBeenCalledOnce();
    expect(notify.mock.calls[0][0]).toMatch(/changed this meanwhile/);
  });

  it('rethrows every other error without reloading', async () => {
    const reload = vi.fn();
    await expect(saveVersioned(() => Promise.reject(problem(409, 'ROLE_BUILT_IN')), { reload, notify: vi.fn() })).rejects.toMatchObject({ code: 'ROLE_BUILT_IN' });
    expect(reload).not.toHaveBeenCalled();
  });
});
