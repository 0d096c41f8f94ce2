import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { i18n, setLocale } from '@/i18n';
import { createAppRouter } from '@/core/router';
import { installApiAuth } from '@/core/api-auth';
import { fakeApi, problem } from '@/test/fake-api';
import LoginForm from './login-form.vue';

async function mountForm() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  installApiAuth(router);
  await router.push('/login');
  const wrapper = mount(LoginForm, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  await wrapper.find('input[name=email]').setValue('admin@kehu.local');
  await wrapper.find('input[name=password]').setValue('wrong');
  return wrapper;
}

describe('login form', () => {
  beforeEach(() => {
    localStorage.clear();
    setLocale('zh-CN');
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('shows why the sign-in failed', async () => {
    fakeApi({ 'POST /api/v1/auth/login': () => problem(401, 'INVALID_CREDENTIALS', 'E-mail or password is wrong.') });
    const wrapper = await mountForm();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.find('[data-test=login-error]').text()).toContain('邮箱或密码错误'));
  });

  it('counts down a lockout and keeps the button disabled meanwhile', async () => {
    fakeApi({ 'POST /api/v1/auth/login': () => problem(429, 'RATE_LIMITED', 'Too many attempts', { 'Retry-After': '42' }) });
    const wrapper = await mountForm();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-test=login-error]').text()).toContain('请在 42 秒后重试'));
    expect(wrapper.find('[data-test=login-submit]').attributes('disabled')).toBeDefined();

    vi.advanceTimersByTime(2000);
    await flushPromises();
    expect(wrapper.find('[data-test=login-error]').text()).toContain('请在 40 秒后重试');
  });
});
