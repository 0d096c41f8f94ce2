import { timeOrderedUuid } from './time-ordered-uuid';

describe('timeOrderedUuid', () => {
  it('makes version-7 UUIDs that sort by time and do not repeat', () => {
    const ids = [timeOrderedUuid(1_700_000_000_000), timeOrderedUuid(1_700_000_000_001), timeOrderedUuid(1_800_000_000_000)];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0].startsWith('018bcfe5-6800-7')).toBe(true); // 1_700_000_000_000 ms = 0x018bcfe56800
    const many = new Set(Array.from({ length: 5000 }, () => timeOrderedUuid()));
    expect(many.size).toBe(5000);
  });
});
