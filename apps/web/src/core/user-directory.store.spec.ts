import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { fakeApi, json } from '@/test/fake-api';
import { useUserDirectoryStore } from './user-directory.store';

describe('user directory store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('fetches the unknown names of a page in one request and remembers them', async () => {
    const api = fakeApi({
      'GET /api/v1/users/directory': (r) => {
        const ids = new URL(r.url).searchParams.get('ids')!.split(',');
        return json(200, ids.map((id) => ({ id, name: `user ${id}`, departmentId: null })));
      },
    });
    const directory = useUserDirectoryStore();
    await directory.ensure(['a', 'b', 'a', null]);
    await directory.ensure(['b', 'c']);
    expect(api.calls('GET /api/v1/users/directory')).toHaveLength(2);
    expect(new URL(api.calls('GET /api/v1/users/directory')[1][0].url).searchParams.get('ids')).toBe('c');
    expect([...directory.names.entries()]).toEqual([['a', 'user a'], ['b', 'user b'], ['c', 'user c']]);
  });

  it('searches by name', async () => {
    fakeApi({ 'GET /api/v1/users/directory': () => json(200, [{ id: 'z', name: '赵磊', departmentId: null }]) });
    expect(await useUserDirectoryStore().search('赵')).toEqual([{ id: 'z', name: '赵磊' }]);
  });
});
