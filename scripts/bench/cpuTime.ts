import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start at field 3 (state).
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used; with `reapedChildren`, plus its exited children's. */
export function processCpuSeconds(pid: number, reapedChildren = false): number {
  const f = statFields(pid);
  if (!f) return 0;
  // utime, stime, cutime, cstime are fields 14-17, i.e. indexes 11-14 after the state field.
  const ticks = Number(f[11]) + Number(f[12]) + (reapedChildren ? Number(f[13]) + Number(f[14]) : 0);
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds of a PostgreSQL server: the postmaster, its exited backends and its live ones. */
export function postgresCpuSeconds(postmasterPid: number): number {
  let total = processCpuSeconds(postmasterPid, true);
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === postmasterPid) total += processCpuSeconds(Number(entry));
  }
  return total;
}

/** The postmaster's pid from an embedded server's data directory, if it is running. */
export function postmasterPid(dataDir: string): number | null {
  try {
    return Number(fs.readFileSync(`${dataDir}/postmaster.pid`, "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}
