import { describe, expect, it } from 'vitest';
import { CreateRoleDto, CreateUserDto, UpdateUserDto } from '@kehu/contracts';
import { setLocale } from '@/i18n';
import { validateDto, withoutBlanks } from './validate-dto';

describe('validateDto (the shared DTO rules in the browser)', () => {
  it('accepts a valid new user', async () => {
    const values = { email: ' Ada@Example.com ', name: 'Ada', roles: ['sales_rep'], password: 'long-enough-1' };
    expect(await validateDto(CreateUserDto, values)).toEqual({});
  });

  it('names each failing field, in the UI language', async () => {
    setLocale('en');
    const errors = await validateDto(CreateUserDto, withoutBlanks({ email: 'not-mail', name: '', roles: ['x'], password: 'short', departmentId: '' }));
    expect(errors).toEqual({
      email: 'This is not an e-mail address',
      name: 'This field is required',
      password: 'Use at least 10 characters',
    });
    setLocale('zh-CN');
    expect((await validateDto(CreateUserDto, { email: 'a@b.co', name: 'A', roles: [], password: 'short' })).password).toBe('至少需要 10 个字符');
  });

  it('rejects what the server rejects: bad uuids, unknown locales, bad role keys', async () => {
    setLocale('en');
    expect(Object.keys(await validateDto(UpdateUserDto, { departmentId: 'nope', locale: 'fr' })).sort()).toEqual(['departmentId', 'locale']);
    expect(Object.keys(await validateDto(CreateRoleDto, { key: 'Key Account', name: 'KA', permissions: {} }))).toEqual(['key']);
    expect(await validateDto(CreateRoleDto, { key: 'key_account', name: 'KA', permissions: { 'sales.customer.read': 'team' } })).toEqual({});
  });
});
