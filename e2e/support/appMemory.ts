import fs from "node:fs";
import { BASE_URL } from "@/e2e/support/tenant";

/**
 * The resident memory of the app under test, read from /proc/<pid>/status of the process listening
 * on the app's port (found through /proc/net/tcp*); on systems without /proc, from the app's own
 * Prometheus endpoint (process_resident_memory_bytes, needs METRICS_TOKEN).
 */
export async function appRssBytes(): Promise<number> {
  const pid = appPid();
  if (pid !== null) {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    if (kb) return Number(kb) * 1024;
  }
  const res = await fetch(`${BASE_URL}/api/metrics`, { headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` } });
  const match = /^faultline_process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(await res.text());
  if (!match) throw new Error("cannot read the app's RSS: no /proc and no metrics");
  return Number(match[1]);
}

let cachedPid: number | null | undefined;

function appPid(): number | null {
  if (cachedPid !== undefined) return cachedPid;
  cachedPid = null;
  try {
    const port = Number(new URL(BASE_URL).port).toString(16).toUpperCase().padStart(4, "0");
    const inodes = new Set<string>();
    for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
      if (!fs.existsSync(table)) continue;
      for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
        const cols = line.trim().split(/\s+/);
        // local_address is "HEXIP:HEXPORT"; state 0A is LISTEN; column 9 is the inode.
        if (cols[1]?.endsWith(`:${port}`) && cols[3] === "0A") inodes.add(cols[9]);
      }
    }
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let fds: string[];
      try {
        fds = fs.readdirSync(`/proc/${entry}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        try {
          const target = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
          const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
          if (inode && inodes.has(inode)) return (cachedPid = Number(entry));
        } catch {
          // the fd closed meanwhile
        }
      }
    }
  } catch {
    // no /proc: fall back to the metrics endpoint
  }
  return cachedPid;
}
