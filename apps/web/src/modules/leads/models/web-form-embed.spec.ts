import { describe, expect, it } from 'vitest';
import { embedSnippet, publicSubmitUrl } from './web-form-embed';

const form = {
  name: '试用申请',
  fields: [
    { name: 'personName', label: '姓名', required: true, type: 'text' },
    { name: 'notes', label: '留言 <可选>', required: false, type: 'textarea' },
    { name: 'cf.size', label: '规模', required: false, type: 'select', options: ['小', '大'] },
  ],
  consentText: '同意接收资讯',
  submitUrl: '/api/v1/public/web-forms/abc/submissions',
  honeypotField: 'website',
};

describe('web form embed snippet', () => {
  it('posts to the absolute public URL with every field, the consent box and a hidden honeypot', () => {
    const html = embedSnippet('https://crm.example.com/', form, '提交');
    expect(publicSubmitUrl('https://crm.example.com/', form)).toBe('https://crm.example.com/api/v1/public/web-forms/abc/submissions');
    expect(html).toContain('<form action="https://crm.example.com/api/v1/public/web-forms/abc/submissions" method="post"');
    expect(html).toContain('<input type="text" name="personName" required>');
    expect(html).toContain('<textarea name="notes" rows="4"></textarea>');
    expect(html).toContain('留言 &lt;可选&gt;');
    expect(html).toContain('<option>小</option><option>大</option>');
    expect(html).toContain('name="consent" value="on"> 同意接收资讯');
    expect(html).toMatch(/name="website"[^>]*left:-9999px/);
    expect(html.trim().endsWith('</form>')).toBe(true);
  });

  it('leaves the consent box out when the form has no consent text', () => {
    expect(embedSnippet('https://crm.example.com', { ...form, consentText: null }, 'Send')).not.toContain('name="consent"');
  });
});
