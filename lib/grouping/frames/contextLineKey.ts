import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";

/**
 * Sentry's SDKs for languages run from source (Python, PHP, Ruby) send each frame's line of code
 * (`context_line`). Two bugs raised in one function (KeyError 'user_id' and KeyError 'email' at two
 * lines of one view) share its name; the line that raised tells them apart, and unlike its number it
 * stays when code above it moves. So, for a client's own frames of these languages, the raising
 * frame (the innermost keyed app frame) and frames that no name identifies (PHP closures, Python
 * lambdas, Ruby blocks: every one in a file or method shares one key) are keyed with their line,
 * whitespace left out so re-indenting or reformatting it changes nothing. A trace's text has no
 * context lines of the client's, and frames without one are keyed as before.
 */
export const CONTEXT_LINE_LANGUAGES: ReadonlySet<Language> = new Set<Language>(["python", "php", "ruby"]);

/** Longer lines are generated or minified code (and a whole statement's worth of identity). */
const MAX_CONTEXT_KEY = 120;

/** The frame's source line without any whitespace; undefined when it has none worth keying. */
export function contextLineKey(frame: Frame): string | undefined {
  const line = frame.contextLine;
  if (!line) return undefined;
  const compact = line.replace(/\s+/g, "");
  return compact && compact.length <= MAX_CONTEXT_KEY ? compact : undefined;
}

/** A function key that names no particular code: a closure, a lambda, a block (normaliseFunction's spellings). */
export function isAnonymousFunctionKey(name: string): boolean {
  return /(?:^|[.:\\])(?:\{closure\}|closure|lambda)$/.test(name) || name.startsWith("block in ");
}
