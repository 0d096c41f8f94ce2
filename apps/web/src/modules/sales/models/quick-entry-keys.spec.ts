import { describe, expect, it } from 'vitest';
import { ActivityType } from '@kehu/contracts';
import { isTypingTarget, opensQuickEntry, savesQuickEntry, typeForKey } from './quick-entry-keys';

const el = (html: string) => {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild!;
};

describe('quick entry keys', () => {
  it('opens on Alt+N anywhere, and on a bare N only when nothing editable has focus', () => {
    const input = el('<input type="text">');
    const button = el('<button>x</button>');
    expect(opensQuickEntry({ key: 'n' }, button, false)).toBe(true);
    expect(opensQuickEntry({ key: 'n' }, document.body, false)).toBe(true);
    expect(opensQuickEntry({ key: 'n' }, input, false)).toBe(false);
    expect(opensQuickEntry({ key: 'n' }, el('<textarea></textarea>'), false)).toBe(false);
    expect(isTypingTarget(el('<div contenteditable="true"></div>'))).toBe(true);
    expect(opensQuickEntry({ key: 'n' }, el('<div contenteditable="true"></div>'), false)).toBe(false);
    expect(opensQuickEntry({ key: 'n' }, el('<input type="checkbox">'), false)).toBe(true);
    expect(opensQuickEntry({ key: 'n' }, button, true)).toBe(false);
    expect(opensQuickEntry({ key: 'N', shiftKey: true }, button, false)).toBe(false);
    // Alt+N: macOS reports "˜" as the key, the code stays KeyN.
    expect(opensQuickEntry({ key: '˜', code: 'KeyN', altKey: true }, input, true)).toBe(true);
    expect(opensQuickEntry({ key: 'n', ctrlKey: true }, button, false)).toBe(false);
    expect(opensQuickEntry({ key: 'n', isComposing: true }, button, false)).toBe(false);
  });

  it('picks a type with Alt+digit anywhere, with a digit or letter outside text fields', () => {
    expect(typeForKey({ key: '¡', code: 'Digit1', altKey: true }, true)).toBe(ActivityType.CALL);
    expect(typeForKey({ key: '2', code: 'Digit2', altKey: true }, true)).toBe(ActivityType.VISIT);
    expect(typeForKey({ key: '3' }, false)).toBe(ActivityType.MEETING);
    expect(typeForKey({ key: 'e' }, false)).toBe(ActivityType.EMAIL);
    expect(typeForKey({ key: 'T' }, false)).toBe(ActivityType.TASK);
    expect(typeForKey({ key: '3' }, true)).toBeNull();
    expect(typeForKey({ key: 'x' }, false)).toBeNull();
    expect(typeForKey({ key: '7', code: 'Digit7', altKey: true }, false)).toBeNull();
  });

  it('Enter saves, Shift+Enter is a new line, Ctrl+Enter always saves, an IME composing never does', () => {
    expect(savesQuickEntry({ key: 'Enter' })).toBe(true);
    expect(savesQuickEntry({ key: 'Enter', shiftKey: true })).toBe(false);
    expect(savesQuickEntry({ key: 'Enter', ctrlKey: true, shiftKey: true })).toBe(true);
    expect(savesQuickEntry({ key: 'Enter', metaKey: true })).toBe(true);
    expect(savesQuickEntry({ key: 'Enter', isComposing: true })).toBe(false);
    expect(savesQuickEntry({ key: 'a' })).toBe(false);
  });
});
