/** Name and short name as one text, exactly as indexed by customers_search_bigrams_idx (alias `c`). */
export const CUSTOMER_SEARCH_TEXT = `c.name || ' ' || coalesce(c.short_name, '')`;
