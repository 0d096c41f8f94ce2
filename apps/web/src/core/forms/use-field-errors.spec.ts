import { describe, expect, it } from 'vitest';
import { ApiProblemError } from '@kehu/api-client';
import { setLocale } from '@/i18n';
import { useFieldErrors } from './use-field-errors';

const problem = new ApiProblemError({
  type: 'about:blank',
  title: 'Validation failed',
  status: 400,
  code: 'VALIDATION_FAILED',
  errors: [
    { field: 'currentPassword', message: 'currentPassword is wrong', rule: 'currentPassword' },
    { field: 'body.newPassword', message: 'newPassword must be longer than or equal to 10 characters', rule: 'minLength' },
    { field: 'unknown', message: 'ignored', rule: 'x' },
  ],
});

describe('useFieldErrors', () => {
  it('puts each message next to its field, translated where we know the rule', () => {
    setLocale('zh-CN');
    const { fieldErrors, apply, clear } = useFieldErrors<'currentPassword' | 'newPassword'>();
    expect(apply(problem, ['currentPassword', 'newPassword'])).toBe(true);
    expect(fieldErrors).toEqual({
      currentPassword: '当前密码不正确',
      newPassword: '至少需要 10 个字符',
    });
    clear();
    expect(fieldErrors).toEqual({});
  });

  it('reports false when no field matched', () => {
    const { apply } = useFieldErrors<'email'>();
    expect(apply(problem, ['email'])).toBe(false);
    expect(apply(new Error('x'), ['email'])).toBe(false);
  });
});
