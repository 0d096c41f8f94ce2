import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ElMessage } from 'element-plus';
import { setLocale } from '@/i18n';
import { fakeApi, json, problem } from '@/test/fake-api';
import { useDealsBoardStore } from './board.store';

const stage = (id: string, probability: number, kind = 'open', position = 0) => ({ id, name: id, probability, kind, position });
const pipeline = { id: 'p1', name: 'Default', isDefault: true, active: true, stages: [stage('s1', 10), stage('s2', 50, 'open', 1), stage('lost', 0, 'lost', 2)], createdAt: '', updatedAt: '', version: 1 };
const card = { id: 'o1', name: 'Deal', customerId: 'c1', customerName: 'ACME', stageId: 's1', status: 'open', amount: 1000, currency: 'CNY', probability: 10, expectedCloseDate: null, ownerId: 'u1', updatedAt: '', version: 3 };
const board = () => ({
  pipeline,
  columns: [
    { stage: pipeline.stages[0], count: 2, totalAmount: 1500, weightedAmount: 150, cards: [card, { ...card, id: 'o2', amount: 500, version: 1 }], nextCursor: null },
    { stage: pipeline.stages[1], count: 1, totalAmount: 200, weightedAmount: 100, cards: [{ ...card, id: 'o3', stageId: 's2', amount: 200, probability: 50 }], nextCursor: 'next' },
    { stage: pipeline.stages[2], count: 0, totalAmount: 0, weightedAmount: 0, cards: [], nextCursor: null },
  ],
});
const opportunity = (over: object) => ({ ...card, pipelineId: 'p1', lineItems: [], ...over });

function serve(move: (request: Request) => Response | Promise<Response>) {
  return fakeApi({
    'GET /api/v1/pipelines': () => json(200, { data: [pipeline], nextCursor: null }),
    'GET /api/v1/pipelines/p1/board': () => json(200, board()),
    'POST /api/v1/opportunities/o1/stage': move,
  });
}

async function loaded() {
  const store = useDealsBoardStore();
  await store.load();
  return store;
}

const figures = (store: ReturnType<typeof useDealsBoardStore>) =>
  store.columns.map((c) => ({ count: c.count, total: c.totalAmount, weighted: c.weightedAmount, cards: c.cards.map((x) => x.id) }));

describe('the deals board store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    setLocale('en');
  });

  it('loads the default pipeline and its columns', async () => {
    serve(() => json(200, {}));
    const store = await loaded();
    expect(store.pipelineId).toBe('p1');
    expect(figures(store)[0]).toEqual({ count: 2, total: 1500, weighted: 150, cards: ['o1', 'o2'] });
    expect(store.needsLostReason('lost')).toBe(true);
    expect(store.needsLostReason('s2')).toBe(false);
  });

  it('moves the card at once, sends If-Match with its version, and updates the stage totals', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const api = serve(async () => {
      await gate;
      return json(200, opportunity({ stageId: 's2', probability: 50, version: 4 }), { ETag: '"4"' });
    });
    const store = await loaded();
    const pending = store.move('o1', 's2');
    // Optimistic: already in the new column, figures moved with it.
    expect(figures(store).slice(0, 2)).toEqual([
      { count: 1, total: 500, weighted: 50, cards: ['o2'] },
      { count: 2, total: 1200, weighted: 600, cards: ['o1', 'o3'] },
    ]);
    expect(store.moving.has('o1')).toBe(true);
    release();
    await expect(pending).resolves.toBe('moved');
    const [request] = api.calls('POST /api/v1/opportunities/o1/stage')[0];
    expect(request.headers.get('If-Match')).toBe('"3"');
    expect(await request.json()).toEqual({ stageId: 's2' });
    expect(store.findCard('o1')?.card.version).toBe(4);
    expect(store.moving.size).toBe(0);
  });

  it('rolls the card back to its place on 409 and shows the problem', async () => {
    const error = vi.spyOn(ElMessage, 'error');
    serve(() => problem(409, 'CONFLICT', 'The opportunity is in the recycle bin'));
    const store = await loaded();
    const before = figures(store);
    await expect(store.move('o1', 's2')).resolves.toBe('rejected');
    expect(figures(store)).toEqual(before);
    expect(store.columns[0].cards[0].id).toBe('o1');
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ message: 'The opportunity is in the recycle bin' }));
  });

  it('on 412 rolls back, says someone else changed it, and reloads the board', async () => {
    const warning = vi.spyOn(ElMessage, 'warning');
    const api = serve(() => problem(412, 'PRECONDITION_FAILED'));
    const store = await loaded();
    await expect(store.move('o1', 's2')).resolves.toBe('stale');
    expect(warning).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('Someone else changed this') }));
    expect(api.calls('GET /api/v1/pipelines/p1/board')).toHaveLength(2);
    expect(figures(store)[0].cards).toEqual(['o1', 'o2']);
  });

  it('sends the lost reason with a move to a lost stage', async () => {
    const api = serve(() => json(200, opportunity({ stageId: 'lost', probability: 0, status: 'lost', version: 4 })));
    const store = await loaded();
    await expect(store.move('o1', 'lost', '价格高于竞品')).resolves.toBe('moved');
    const [request] = api.calls('POST /api/v1/opportunities/o1/stage')[0];
    expect(await request.json()).toEqual({ stageId: 'lost', lostReason: '价格高于竞品' });
    expect(figures(store)[2]).toEqual({ count: 1, total: 1000, weighted: 0, cards: ['o1'] });
  });

  it('ignores a drop on the same stage', async () => {
    const api = serve(() => json(200, {}));
    const store = await loaded();
    await expect(store.move('o1', 's1')).resolves.toBe('unchanged');
    expect(api.calls('POST /api/v1/opportunities/o1/stage')).toHaveLength(0);
  });

  it('loads more cards of a column by its cursor, skipping cards already shown', async () => {
    const api = fakeApi({
      'GET /api/v1/pipelines': () => json(200, { data: [pipeline], nextCursor: null }),
      'GET /api/v1/pipelines/p1/board': () => json(200, board()),
      'GET /api/v1/opportunities': () => json(200, { data: [opportunity({ id: 'o3', stageId: 's2' }), opportunity({ id: 'o9', stageId: 's2', customerId: 'c9' })], nextCursor: null }),
      'GET /api/v1/customers/c9': () => json(200, { id: 'c9', name: 'Globex' }),
    });
    const store = await loaded();
    await store.loadMore('s2');
    const [request] = api.calls('GET /api/v1/opportunities')[0];
    const query = new URL(request.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({ pipelineId: 'p1', stageId: 's2', sort: '-updatedAt', cursor: 'next' });
    expect(store.columns[1].cards.map((c) => [c.id, c.customerName])).toEqual([
      ['o3', 'ACME'],
      ['o9', 'Globex'],
    ]);
    expect(store.columns[1].nextCursor).toBeNull();
  });
});
