// Scenarios of modules that do not exist yet. Each becomes a file of its own when its
// module lands (copy customer-by-id.mjs for an endpoint, pool-return-job.mjs for a job).
const later = (name, title, target) => ({ name, title, target, notBuilt: 'not built yet' });

export default [
  later('cube', 'Cube: revenue by province × month (department scope)', 'p95 ≤ 100 ms'),
  later('rfm-recompute', 'RFM/value recompute, 1M customers / 5M orders', '≤ 30 s'),
  later('segment-count', 'Segment count over 2M contacts', '≤ 500 ms'),
];
