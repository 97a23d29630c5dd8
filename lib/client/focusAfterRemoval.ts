/**
 * Which item of a list takes focus once `removed` leaves it (its button goes with it): the one after
 * it, else the one before, else none (the caller focuses the list's heading).
 */
export function focusAfterRemoval(ids: readonly string[], removed: string): string | null {
  const index = ids.indexOf(removed);
  if (index === -1) return null;
  return ids[index + 1] ?? ids[index - 1] ?? null;
}
