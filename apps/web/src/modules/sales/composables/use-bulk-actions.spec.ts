import { describe, expect, it } from 'vitest';
import { LifecycleStage } from '@kehu/contracts';
import { bulkBody } from './use-bulk-actions';

describe('bulk actions', () => {
  const values = { ownerId: 'u1', lifecycleStage: LifecycleStage.CUSTOMER, tags: ['重点'] };
  it('sends one change per action', () => {
    expect(bulkBody('assign', ['a', 'b'], values)).toEqual({ ids: ['a', 'b'], ownerId: 'u1' });
    expect(bulkBody('stage', ['a'], values)).toEqual({ ids: ['a'], lifecycleStage: 'customer' });
    expect(bulkBody('addTags', ['a'], values)).toEqual({ ids: ['a'], addTags: ['重点'] });
    expect(bulkBody('removeTags', ['a'], values)).toEqual({ ids: ['a'], removeTags: ['重点'] });
  });
});
