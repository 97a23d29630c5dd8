/**
 * An exception group's members (Python's ExceptionGroup, JS AggregateError) as one fixed list: a
 * group lists them in the order its tasks or promises happened to fail, and ten failing alike as
 * ten. Each member comes as a block (the member and what is chained under it) with a key naming
 * its failure (types and frames, not the values its message names): blocks with a key seen before
 * are dropped, the rest ordered by key, so the same failures always make the same chain. Pure.
 */
export function membersInFixedOrder<T>(blocks: { key: string; block: T[] }[]): T[] {
  const unique = new Map<string, T[]>();
  for (const { key, block } of blocks) if (block.length > 0 && !unique.has(key)) unique.set(key, block);
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, block]) => block);
}
