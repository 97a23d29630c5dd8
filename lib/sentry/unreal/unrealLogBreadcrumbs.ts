import type { JsonObject } from "@/lib/sentry/coerce";

/** The log's last lines become the event's breadcrumbs: what the game did just before it crashed. */
const MAX_BREADCRUMBS = 50;
/** Only the log's tail is read. */
const TAIL_BYTES = 256 * 1024;
const MAX_MESSAGE = 1_000;

/** `[2026.12.06-14.03.22:418][ 42]LogNet: Warning: Connection lost` — time, frame number, category, verbosity, text. */
const LINE = /^\[(\d{4})\.(\d{2})\.(\d{2})-(\d{2})\.(\d{2})\.(\d{2}):(\d{3})\]\[\s*\d+\](\w+):\s?(?:(Fatal|Error|Warning|Display|Log|Verbose|VeryVerbose):\s)?(.*)$/;

const LEVELS: Record<string, string> = { Fatal: "fatal", Error: "error", Warning: "warning", Display: "info", Log: "info", Verbose: "debug", VeryVerbose: "debug" };

/**
 * Breadcrumbs (oldest first) from the game's log in the crash report: its last MAX_BREADCRUMBS
 * timestamped lines, each with its category (LogNet), level (from the verbosity: Error, Warning,
 * Display…) and time (the engine logs UTC by default). Lines without the engine's prefix are
 * skipped. The log is UTF-8 (with or without a BOM) or UTF-16 with a BOM.
 */
export function unrealLogBreadcrumbs(log: Buffer): JsonObject[] {
  const utf16 = log.length >= 2 && log[0] === 0xff && log[1] === 0xfe;
  const tail = log.subarray(Math.max(utf16 ? 2 : 0, log.length - TAIL_BYTES));
  const text = utf16 ? tail.subarray(tail.length % 2).toString("utf16le") : tail.toString("utf8");
  const breadcrumbs: JsonObject[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0 && breadcrumbs.length < MAX_BREADCRUMBS; i--) {
    const m = LINE.exec(lines[i].slice(0, MAX_MESSAGE + 100));
    if (!m) continue;
    const [, year, month, day, hour, minute, second, millis, category, verbosity, message] = m;
    const at = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(millis));
    breadcrumbs.push({
      ...(Number.isFinite(at) && { timestamp: at / 1000 }),
      category,
      level: LEVELS[verbosity ?? "Log"],
      message: message.trim().slice(0, MAX_MESSAGE),
    });
  }
  return breadcrumbs.reverse();
}
