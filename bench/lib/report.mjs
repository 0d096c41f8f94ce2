// The markdown table and the JSON file of a run.
const f = (v, d = 1) => (v === null || v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: d }) : String(v));

export function table(results) {
  const lines = [
    '| scenario | c | p50 ms | p95 ms | p99 ms | req/s | api_vs_sql | api_vs_bare | API CPU ms/req | RSS MB | target | met? |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    if (r.notBuilt) {
      lines.push(`| ${r.name} | | | | | | | | | | ${r.target} | ${r.notBuilt} |`);
      continue;
    }
    if (r.error) {
      lines.push(`| ${r.name} | | | | | | | | | | ${r.target} | error: ${r.error.split('\n')[0].slice(0, 80)} |`);
      continue;
    }
    if (r.memory) {
      const m = r.memory;
      lines.push(`| ${r.name} | 32 | ${f(m.load.p50)} | ${f(m.load.p95)} | ${f(m.load.p99)} | ${f(m.load.rps, 0)} | | | | ${f(m.startMb, 0)}→${f(m.endMb, 0)} (peak ${f(m.peakMb, 0)}, ${f(m.slopeMbPerMin, 1)} MB/min) | ${r.target} | ${r.met ? 'yes' : 'NO'} |`);
      continue;
    }
    if (r.job) {
      lines.push(`| ${r.name} | | | | | | | | | ${f(r.rssMb, 0)} | ${r.target} | ${r.met ? 'yes' : 'NO'} (${f(r.job.seconds, 2)} s, ${f(r.job.rows, 0)} rows${r.job.batches !== undefined ? `, ${r.job.batches} batches, longest ${f(r.job.maxBatchMs, 0)} ms` : ''}${r.job.againSeconds !== undefined ? `; again ${f(r.job.againSeconds, 2)} s, ${f(r.job.changedAgain, 0)} changed` : ''}) |`);
      continue;
    }
    const bare = r.api_vs_bare_pg !== undefined ? `${f(r.api_vs_bare, 2)} (vs http+pg); ${f(r.api_vs_bare_const, 2)} (vs const)` : f(r.api_vs_bare_const, 2);
    lines.push(`| ${r.name}${r.note ? ` (${r.note})` : ''} | 1 | ${f(r.c1.p50)} | ${f(r.c1.p95)} | ${f(r.c1.p99)} | ${f(r.c1.rps, 0)} | ${f(r.api_vs_sql, 2)} | | | ${f(r.rssMb, 0)} | ${r.target} | ${r.met ? 'yes' : 'NO'} |`);
    if (r.c32) lines.push(`| ${r.name} | 32 | ${f(r.c32.p50)} | ${f(r.c32.p95)} | ${f(r.c32.p99)} | ${f(r.c32.rps, 0)} | | ${bare} | ${f(r.apiCpuMsPerRequest, 2)} | | | |`);
  }
  return lines.join('\n');
}
