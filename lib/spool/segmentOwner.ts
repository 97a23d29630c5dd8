import fs from "node:fs";

/**
 * Whether the process that wrote (or claimed) a spool segment is still the one running under its
 * pid. A pid alone does not say: a container restarted after a crash starts the same programs in
 * the same order and hands out the same pids, and on a long-running host pids wrap around. Taken
 * for alive, a dead writer's open segment — records already answered 2xx — would never be replayed.
 *
 * - This process's own pid: alive only for the segments this process opened (`ownSegments`); any
 *   other segment with its pid was written by an earlier process that had the same pid.
 * - Another pid: gone when no such process exists or, where /proc says when it started (Linux),
 *   when it started well after the segment was opened (or claimed): a new process, not the writer.
 *   The margin absorbs the wall clock's small corrections between the two readings.
 */
const STARTED_AFTER_MARGIN_MS = 10_000;

const globalForOwner = globalThis as unknown as { faultlineOwnSegments?: Set<string> };

/** The segment names this process opened and has not sealed (every Spool object in it; shared by its bundles). */
export function ownSegments(): Set<string> {
  globalForOwner.faultlineOwnSegments ??= new Set();
  return globalForOwner.faultlineOwnSegments;
}

/** True when the writer `pid` of segment `name`, opened or claimed at `sinceMs` (wall clock), no longer runs. */
export function segmentWriterGone(name: string, pid: number, sinceMs: number): boolean {
  if (pid === process.pid) return !ownSegments().has(name);
  if (!processExists(pid)) return true;
  const started = processStartMs(pid);
  return started !== null && started > sinceMs + STARTED_AFTER_MARGIN_MS;
}

export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

let bootMs: number | null | undefined;

/**
 * When process `pid` started (ms since the epoch), from /proc/<pid>/stat's start time (clock ticks
 * since boot, USER_HZ = 100 on every Linux ABI) and /proc/stat's boot time; null where there is no /proc.
 */
export function processStartMs(pid: number): number | null {
  try {
    bootMs ??= Number(/^btime (\d+)$/m.exec(fs.readFileSync("/proc/stat", "utf8"))?.[1]) * 1000 || null;
    if (bootMs === null) return null;
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    return Number.isFinite(ticks) ? bootMs + ticks * 10 : null;
  } catch {
    return null;
  }
}
