// API memory: RSS sampled every second under a c=32 mix of the read scenarios above
// (every scenario with `mix: true`), reporting the peak and the growth trend.
export default {
  name: 'memory-mix',
  title: 'API RSS under the c=32 read mix',
  target: 'RSS ≤ 350 MB, no growth trend',
  met: (r) => r.memory.peakMb <= 350 && !r.memory.growing,
  // growth: least-squares slope of RSS over the second half of the run, > 5 MB/min counts as growing
  memory: true,
};
