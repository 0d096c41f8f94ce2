import { ActivityType } from '@kehu/contracts';

/** The keys a rep presses, as a plain object (easy to build in tests from a KeyboardEvent). */
export interface KeyPress {
  key: string;
  code?: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  /** An input method (Pinyin) is composing: Enter confirms the characters, it must not save. */
  isComposing?: boolean;
}

/** Types in the order of their one-key choices (1–6) and their letter keys. */
export const quickTypes: readonly { type: ActivityType; digit: string; letter: string }[] = [
  { type: ActivityType.CALL, digit: '1', letter: 'c' },
  { type: ActivityType.VISIT, digit: '2', letter: 'v' },
  { type: ActivityType.MEETING, digit: '3', letter: 'm' },
  { type: ActivityType.EMAIL, digit: '4', letter: 'e' },
  { type: ActivityType.NOTE, digit: '5', letter: 'n' },
  { type: ActivityType.TASK, digit: '6', letter: 't' },
];

/** Whether focus is somewhere typing goes (so a bare "n" is a letter, not a shortcut). */
export function isTypingTarget(element: Element | null): boolean {
  if (!element) return false;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes((element as HTMLInputElement).type);
  const editable = element.getAttribute('contenteditable');
  return (element as HTMLElement).isContentEditable === true || (editable !== null && editable !== 'false');
}

const isN = (press: KeyPress) => press.code === 'KeyN' || press.key.toLowerCase() === 'n';

/**
 * Whether a key press opens quick entry: Alt+N anywhere (the Mac types "˜" for it, hence
 * `code`), or a bare "n" while nothing editable has focus and no dialog is open.
 */
export function opensQuickEntry(press: KeyPress, focused: Element | null, dialogOpen: boolean): boolean {
  if (press.isComposing || press.ctrlKey || press.metaKey) return false;
  if (press.altKey) return !press.shiftKey && isN(press);
  return !press.shiftKey && press.key === 'n' && !dialogOpen && !isTypingTarget(focused);
}

/**
 * Inside the dialog: Alt+1…6 picks a type from anywhere; 1…6 and the letters C V M E N T do so
 * while focus is not in a text field (e.g. on the type buttons).
 */
export function typeForKey(press: KeyPress, inTextField: boolean): ActivityType | null {
  if (press.isComposing || press.ctrlKey || press.metaKey || press.shiftKey) return null;
  if (press.altKey) {
    // With Alt the Mac reports other characters in `key`; the physical key is in `code`.
    const digit = press.code ? press.code.replace(/^(Digit|Numpad)/, '') : press.key;
    return quickTypes.find((t) => t.digit === digit)?.type ?? null;
  }
  if (inTextField) return null;
  const key = press.key.toLowerCase();
  return quickTypes.find((t) => t.digit === key || t.letter === key)?.type ?? null;
}

/** Enter saves (Shift+Enter is a new line); Ctrl/⌘+Enter always saves; never while an IME composes. */
export function savesQuickEntry(press: KeyPress): boolean {
  if (press.key !== 'Enter' || press.isComposing) return false;
  if (press.ctrlKey || press.metaKey) return true;
  return !press.shiftKey && !press.altKey;
}
