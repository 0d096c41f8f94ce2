// Global search (Ctrl+K) as the rep: Chinese substrings of company names, and Latin words.
const scenario = (lang, words) => ({
  name: `global-search-${lang}`,
  title: `Global search, ${lang === 'zh' ? 'Chinese' : 'Latin'} queries (team scope)`,
  target: 'p99 ≤ 60 ms',
  met: (r) => r.c1.p99 <= 60,
  mix: true,
  async setup({ fx }) {
    const list = words(fx);
    return { note: `q ∈ {${list.slice(0, 3).join(', ')}…}`, request: (i) => ({ path: `/api/v1/search?q=${encodeURIComponent(list[i % list.length])}`, headers: fx.rep.headers }) };
  },
});

export default [scenario('zh', (fx) => fx.words.zh), scenario('latin', (fx) => fx.words.latin)];
