import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { DataScope } from '@kehu/contracts';
import { fakeApi, json, noContent, problem } from '@/test/fake-api';
import { setLocale } from '@/i18n';
import { useRoleEditor } from './use-role-editor';
import { useRolesStore } from '../stores/roles.store';

const role = (id: string, builtIn: boolean, permissions: Record<string, string>, version = 2) => ({ id, key: id, name: id, builtIn, permissions, userCount: 0, version });

describe('useRoleEditor', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    setLocale('en');
  });

  it('edits a custom role locally and saves the grants with If-Match', async () => {
    const api = fakeApi({
      'GET /api/v1/roles': () => json(200, { data: [role('admin', true, {}), role('key_account', false, { 'sales.customer.read': 'own' })], nextCursor: null }),
      'PATCH /api/v1/roles/key_account': async (request) => json(200, { ...role('key_account', false, {}, 3), ...(await request.json()) }),
    });
    await useRolesStore().load();
    const editor = useRoleEditor();
    editor.selectedId.value = 'admin';
    expect(editor.readOnly.value).toBe(true);

    editor.selectedId.value = 'key_account';
    await Promise.resolve();
    expect(editor.readOnly.value).toBe(false);
    expect(editor.matrix['sales.customer.read']).toBe('own');
    editor.matrix['sales.customer.read'] = DataScope.TEAM;
    editor.matrix['sales.customer.export'] = DataScope.ALL;
    expect(editor.changed.value.sort()).toEqual(['sales.customer.export', 'sales.customer.read']);
    expect(editor.dirty.value).toBe(true);

    expect(await editor.save()).toBe(true);
    const [request] = api.calls('PATCH /api/v1/roles/key_account')[0];
    expect(request.headers.get('If-Match')).toBe('"2"');
    expect((await request.clone().json()).permissions).toEqual({ 'sales.customer.read': 'team', 'sales.customer.export': 'all' });
    expect(editor.dirty.value).toBe(false);
  });

  it('explains why a role in use cannot be deleted', async () => {
    fakeApi({
      'GET /api/v1/roles': () => json(200, { data: [role('busy', false, {}), role('idle', false, {})], nextCursor: null }),
      'DELETE /api/v1/roles/busy': () => problem(409, 'ROLE_IN_USE', '3 users still hold busy'),
      'DELETE /api/v1/roles/idle': () => noContent(),
    });
    const store = useRolesStore();
    await store.load();
    const editor = useRoleEditor();
    expect(await editor.remove(store.list[0])).toBe('Users still hold this role. Give them another role first.');
    expect(await editor.remove(store.list[1])).toBeNull();
    expect(store.list.map((r) => r.id)).toEqual(['busy']);
  });
});
