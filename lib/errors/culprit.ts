import type { Frame } from "@/lib/ingest/stacktrace/frame";

/**
 * Where the error was raised, as engineers name it: the innermost application frame (else the
 * innermost frame) as "file in function". Frames are ordered outermost first. Null without frames.
 */
export function culpritOf(frames: unknown): string | null {
  if (!Array.isArray(frames) || frames.length === 0) return null;
  const list = frames.filter((f): f is Frame => typeof f === "object" && f !== null);
  const frame = [...list].reverse().find((f) => f.inApp === true) ?? list.at(-1);
  if (!frame) return null;
  const where = shortPath(frame.filename ?? frame.absPath ?? frame.module);
  const fn = frame.function;
  if (where && fn) return `${where} in ${fn}`;
  return where ?? fn ?? null;
}

/** The last three path segments, without the query string or the origin of a URL. */
function shortPath(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const clean = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, "").replace(/[?#].*$/, "");
  const parts = clean.split(/[\\/]/).filter(Boolean);
  return parts.length > 3 ? parts.slice(-3).join("/") : parts.join("/") || clean || undefined;
}
