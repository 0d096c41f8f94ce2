// The deals board of the default pipeline as the rep (team scope): per-stage totals and cards.
export default {
  name: 'kanban',
  title: 'Kanban, default pipeline (team scope)',
  target: 'p99 ≤ 50 ms',
  met: (r) => r.c1.p99 <= 50,
  mix: true,
  async setup({ fx }) {
    return { request: () => ({ path: `/api/v1/pipelines/${fx.pipelineId}/board`, headers: fx.rep.headers }) };
  },
};
