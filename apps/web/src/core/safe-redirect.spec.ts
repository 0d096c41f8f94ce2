import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it('keeps in-app paths', () => expect(safeRedirect('/profile?x=1')).toBe('/profile?x=1'));
  it.each([undefined, null, 'https://evil.example', '//evil.example', '/\\evil.example', ['/a']])('rejects %s', (value) =>
    expect(safeRedirect(value)).toBe('/'),
  );
});
