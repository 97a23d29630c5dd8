/**
 * Events of the types a card does not list by name, with their share of the total (to 2 decimals,
 * as the listed types'): its "Other (n types)" line, so the lines add up to the total.
 */
export function otherTypes(listed: { count: number }[], typeCount: number, total: number): { types: number; count: number; percentage: number } | null {
  const types = typeCount - listed.length;
  const count = total - listed.reduce((sum, t) => sum + t.count, 0);
  if (types <= 0 || count <= 0) return null;
  return { types, count, percentage: Math.round((10_000 * count) / total) / 100 };
}
