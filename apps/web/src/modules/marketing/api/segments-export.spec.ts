import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/i18n';
import { fakeApi } from '@/test/fake-api';
import { segmentsApi } from './segments.api';

const ID = '00000000-0000-4000-8000-0000000000aa';

describe('segment members CSV download', () => {
  let saved: string[];
  beforeEach(() => {
    saved = [];
    // jsdom has no object URLs and does not download: record the name the link would save.
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('asks in the UI language and saves under the Chinese name from filename*', async () => {
    setLocale('zh-CN');
    const disposition = `attachment; filename="segment-2026-11-26.csv"; filename*=UTF-8''${encodeURIComponent('华南呼叫名单-2026-11-26.csv')}`;
    const api = fakeApi({
      [`GET /api/v1/segments/${ID}/members.csv`]: () => new Response('\uFEFF名称\r\n', { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition } }),
    });
    await segmentsApi.exportMembers(ID);
    const [[request]] = api.calls(`GET /api/v1/segments/${ID}/members.csv`);
    expect(request.headers.get('Accept-Language')).toBe('zh-CN');
    expect(saved).toEqual(['华南呼叫名单-2026-11-26.csv']);
  });

  it('rejects with the problem when the segment is gone, saving nothing', async () => {
    setLocale('en');
    fakeApi({});
    await expect(segmentsApi.exportMembers(ID)).rejects.toMatchObject({ status: 404 });
    expect(saved).toEqual([]);
  });
});
