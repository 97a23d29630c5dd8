/**
 * The workspace a page shows: the one `?ws=` names, else the person's first. `unknownId` is a `?ws=`
 * naming none of theirs (never theirs, left, or deleted): the page says so instead of silently
 * showing another workspace under that address.
 */
export function pickWorkspace<W extends { id: string }>(workspaces: readonly W[], wsParam: string | null): { workspace: W | undefined; unknownId: string | null } {
  const named = wsParam ? workspaces.find((w) => w.id === wsParam) : undefined;
  return { workspace: named ?? workspaces[0], unknownId: wsParam && !named ? wsParam : null };
}
