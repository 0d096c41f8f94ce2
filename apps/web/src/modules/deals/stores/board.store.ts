import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ElMessage } from 'element-plus';
import { isApiProblemError } from '@kehu/api-client';
import { OpportunityStatus, StageKind, type OpportunityCardDto, type OpportunityDto, type PipelineBoardColumnDto, type PipelineDto } from '@kehu/contracts';
import { saveVersioned } from '@/core/concurrency';
import { problemMessage } from '@/core/problem-message';
import { useAuthStore } from '@/stores/auth.store';
import { cardFrom, customerLookupApi, opportunitiesApi, pipelinesApi } from '../api/deals.api';

/** A board column as shown: the server's figures, kept up to date by moves made here. */
export interface BoardColumn extends PipelineBoardColumnDto {
  loadingMore: boolean;
}

export type MoveResult = 'moved' | 'unchanged' | 'rejected' | 'stale';

const cents = (value: number) => Math.round(value * 100) / 100;
const weight = (amount: number, probability: number) => (amount * probability) / 100;

/**
 * The deals kanban (商机看板): one pipeline's stages with their cards. A drag moves the card at
 * once and then asks the server (with the card's version as If-Match); a refusal puts it back.
 */
export const useDealsBoardStore = defineStore('deals-board', () => {
  const auth = useAuthStore();
  const pipelines = ref<PipelineDto[]>([]);
  const pipelineId = ref<string | null>(null);
  const onlyMine = ref(false);
  const columns = ref<BoardColumn[]>([]);
  const loading = ref(false);
  /** Cards whose move is on its way to the server. */
  const moving = ref(new Set<string>());
  const customerNames = new Map<string, string>();
  let generation = 0;

  const pipeline = computed(() => pipelines.value.find((p) => p.id === pipelineId.value) ?? null);
  const ownerId = computed(() => (onlyMine.value ? auth.me?.user.id : undefined));

  async function loadPipelines(): Promise<void> {
    const page = await pipelinesApi.list({ active: true });
    pipelines.value = page.data;
    if (!pipelines.value.some((p) => p.id === pipelineId.value)) pipelineId.value = (page.data.find((p) => p.isDefault) ?? page.data[0])?.id ?? null;
  }

  async function load(): Promise<void> {
    if (!pipelineId.value) await loadPipelines();
    if (!pipelineId.value) return;
    const mine = ++generation;
    loading.value = true;
    try {
      const board = await pipelinesApi.board(pipelineId.value, { ownerId: ownerId.value });
      if (mine !== generation) return;
      for (const column of board.columns) for (const card of column.cards) customerNames.set(card.customerId, card.customerName);
      columns.value = board.columns.map((column) => ({ ...column, loadingMore: false }));
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  const columnOf = (stageId: string) => columns.value.find((c) => c.stage.id === stageId);
  const findCard = (cardId: string) => {
    for (const column of columns.value) {
      const index = column.cards.findIndex((c) => c.id === cardId);
      if (index >= 0) return { column, index, card: column.cards[index] };
    }
    return null;
  };

  const needsLostReason = (stageId: string) => columnOf(stageId)?.stage.kind === StageKind.LOST;

  function take(column: BoardColumn, card: OpportunityCardDto): void {
    column.cards = column.cards.filter((c) => c.id !== card.id);
    column.count -= 1;
    column.totalAmount = cents(column.totalAmount - card.amount);
    column.weightedAmount = cents(column.weightedAmount - weight(card.amount, card.probability));
  }

  function put(column: BoardColumn, card: OpportunityCardDto, index = 0): void {
    const cards = column.cards.filter((c) => c.id !== card.id);
    cards.splice(index, 0, card);
    column.cards = cards;
    column.count += 1;
    column.totalAmount = cents(column.totalAmount + card.amount);
    column.weightedAmount = cents(column.weightedAmount + weight(card.amount, card.probability));
  }

  /**
   * Moves a card to another stage: shown at once, then sent. On 412 the board is reloaded
   * (someone else changed the opportunity); on any other refusal the card goes back.
   */
  async function move(cardId: string, stageId: string, lostReason?: string): Promise<MoveResult> {
    const found = findCard(cardId);
    const target = columnOf(stageId);
    if (!found || !target || found.column === target || moving.value.has(cardId)) return 'unchanged';
    const { column: source, index, card } = found;
    // A move clears a hand-set probability: the card takes the stage's.
    const moved: OpportunityCardDto = { ...card, stageId, probability: target.stage.probability, status: statusOf(target.stage.kind) };
    take(source, card);
    put(target, moved);
    moving.value.add(cardId);
    const rollback = () => {
      const current = findCard(cardId);
      if (current) take(current.column, current.card);
      put(source, card, index);
    };
    try {
      const result = await saveVersioned(() => opportunitiesApi.move(cardId, card.version, { stageId, ...(lostReason ? { lostReason } : {}) }), {
        reload: async () => {
          rollback();
          await load();
        },
      });
      if (!result.ok) return 'stale';
      settle(target, moved, result.value);
      return 'moved';
    } catch (error) {
      rollback();
      if (!isApiProblemError(error)) throw error;
      ElMessage.error({ message: problemMessage(error), grouping: true });
      return 'rejected';
    } finally {
      moving.value.delete(cardId);
    }
  }

  /** Takes the server's copy (new version; the probability it actually applied). */
  function settle(column: BoardColumn, shown: OpportunityCardDto, saved: OpportunityDto): void {
    const card = cardFrom(saved, shown.customerName);
    column.weightedAmount = cents(column.weightedAmount - weight(shown.amount, shown.probability) + weight(card.amount, card.probability));
    column.totalAmount = cents(column.totalAmount - shown.amount + card.amount);
    column.cards = column.cards.map((c) => (c.id === card.id ? card : c));
  }

  /** The next cards of a column (listOpportunities by the column's cursor). */
  async function loadMore(stageId: string): Promise<void> {
    const column = columnOf(stageId);
    if (!column?.nextCursor || column.loadingMore || !pipelineId.value) return;
    column.loadingMore = true;
    try {
      const page = await opportunitiesApi.list({ pipelineId: pipelineId.value, stageId, ownerId: ownerId.value, sort: '-updatedAt', cursor: column.nextCursor });
      await rememberCustomers(page.data.map((o) => o.customerId));
      const known = new Set(column.cards.map((c) => c.id));
      const more = page.data.filter((o) => !known.has(o.id)).map((o) => cardFrom(o, customerNames.get(o.customerId) ?? '—'));
      column.cards = [...column.cards, ...more];
      column.nextCursor = page.nextCursor;
    } finally {
      column.loadingMore = false;
    }
  }

  async function rememberCustomers(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !customerNames.has(id));
    await Promise.all(missing.map((id) => customerLookupApi.get(id).then((c) => customerNames.set(id, c.name)).catch(() => undefined)));
  }

  /** Puts a card created or edited elsewhere on the board (a new opportunity of this pipeline). */
  function upsert(opportunity: OpportunityDto, customerName: string): void {
    if (opportunity.pipelineId !== pipelineId.value) return;
    customerNames.set(opportunity.customerId, customerName);
    const current = findCard(opportunity.id);
    if (current) take(current.column, current.card);
    const column = columnOf(opportunity.stageId);
    if (column) put(column, cardFrom(opportunity, customerName));
  }

  return { pipelines, pipelineId, pipeline, onlyMine, columns, loading, moving, loadPipelines, load, move, loadMore, needsLostReason, upsert, findCard };
});

function statusOf(kind: StageKind): OpportunityStatus {
  if (kind === StageKind.WON) return OpportunityStatus.WON;
  return kind === StageKind.LOST ? OpportunityStatus.LOST : OpportunityStatus.OPEN;
}
