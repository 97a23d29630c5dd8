/**
 * This instance's record of the writes it made, so that caches of derived data (the workspace
 * view) can tell whether an entry predates a write. One monotonic sequence: a cache entry remembers
 * `writeClock()` from when its computation began and is stale once `lastWriteTo(workspaceId)` is
 * later. Writes through other instances are not seen here; those caches are bounded by age instead.
 *
 * Kept on globalThis: Next.js may load a module once per route bundle, and every route must share it.
 */
interface WriteRecord {
  sequence: number;
  /** The last write that may touch any workspace (a user's change through the dashboard API). */
  any: number;
  perWorkspace: Map<string, number>;
}

const holder = globalThis as unknown as { faultlineLocalWrites?: WriteRecord };

function record(): WriteRecord {
  holder.faultlineLocalWrites ??= { sequence: 0, any: 0, perWorkspace: new Map() };
  return holder.faultlineLocalWrites;
}

/** The current position of the write sequence (read it before computing from the database). */
export function writeClock(): number {
  return record().sequence;
}

/** Events, executions or other data of one workspace were committed by this instance. */
export function noteWorkspaceWrite(workspaceId: string): void {
  const r = record();
  r.perWorkspace.set(workspaceId, ++r.sequence);
}

/** Something that may touch any workspace was committed (a change through the dashboard API). */
export function noteWrite(): void {
  const r = record();
  r.any = ++r.sequence;
}

/** Position of the last write this instance made that may affect the workspace's data. */
export function lastWriteTo(workspaceId: string): number {
  const r = record();
  return Math.max(r.any, r.perWorkspace.get(workspaceId) ?? 0);
}
