/** Weighted fields that make a customer record useful; the score is the filled share, 0–100. */
const weights: Record<string, number> = {
  name: 20,
  phone: 20,
  email: 10,
  industry: 10,
  province: 10,
  city: 5,
  address: 10,
  website: 5,
  source: 5,
  ownerId: 5,
};

export function completeness(record: Record<string, unknown>): number {
  let score = 0;
  let total = 0;
  for (const [field, weight] of Object.entries(weights)) {
    total += weight;
    const value = record[field];
    if (value !== null && value !== undefined && value !== '') score += weight;
  }
  return Math.round((score / total) * 100);
}

export const completenessFields = Object.keys(weights);
