import { splitLines } from "@/lib/ingest/stacktrace/limits";

/** One of the two accesses a race detector reports (Go's -race, ThreadSanitizer): what it did, and its stack. */
export interface RaceAccess {
  /** "Write", "Read", "Atomic write", "Atomic read": the same whether it found the race or is the "Previous" one. */
  kind: string;
  /** The access line as printed, without "Previous " and the colon: "Read at 0x00c0000b4018 by goroutine 12". */
  header: string;
  /** The stack's lines in the runtime's own format. */
  lines: string[];
}

/** How one detector prints its report. */
export interface RaceReportFormat {
  /** The line that opens a report. */
  warning: RegExp;
  /** An access line; its first group the kind as printed ("read", "Atomic write"). */
  access: RegExp;
  /** The access's header as kept, from the access line's match and the kind ("Read"). */
  header: (match: RegExpExecArray, kind: string) => string;
  /** A line that ends an access's stack (the report's further stacks, its closing rule). */
  end: RegExp;
}

/**
 * The two accesses of the first report in `text`, in the order printed (the access that found the
 * race, then the "Previous" one); null when it holds none. Lines are trimmed before matching.
 */
export function readRaceReport(text: string, format: RaceReportFormat): RaceAccess[] | null {
  const lines = splitLines(text);
  const start = lines.findIndex((line) => format.warning.test(line.trim()));
  if (start < 0) return null;
  const accesses: RaceAccess[] = [];
  let current: RaceAccess | null = null;
  for (const raw of lines.slice(start + 1)) {
    const line = raw.trim();
    const access = format.access.exec(line);
    if (access) {
      if (accesses.length === 2) break;
      const lower = access[1].toLowerCase();
      const kind = lower.charAt(0).toUpperCase() + lower.slice(1);
      current = { kind, header: format.header(access, kind), lines: [] };
      accesses.push(current);
      continue;
    }
    if (format.end.test(line)) {
      if (accesses.length > 0) break;
      continue;
    }
    if (current && line) current.lines.push(raw);
  }
  return accesses.length > 0 ? accesses : null;
}
