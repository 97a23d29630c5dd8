import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields, splitLocation } from "@/lib/ingest/stacktrace/location";
import { matchingOpenParen } from "@/lib/ingest/stacktrace/parens";

/**
 * V8 (Node.js, Chrome, Edge, Deno, Bun) stack traces:
 *   TypeError: x is not a function
 *       at getUser (/app/src/users.js:42:15)
 *       at async Promise.all (index 0)
 *       at /app/src/index.js:3:1
 * Printed innermost first. Vitest's "❯ [function] path:line:col" frames are read too.
 */
export function parseV8(text: string): Frame[] | null {
  const frames: Frame[] = [];
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    // Vitest prints its frames as "❯ src/cart.test.ts:14:22" or "❯ Cart.total src/cart.ts:10:5".
    const frame = line.startsWith("at ")
      ? // util.inspect opens an error's own properties ({ code: 'ENOENT', … }) after its last frame.
        parseFrameLine(line.slice(3).replace(/\s\{$/, "").trim())
      : line.startsWith("❯ ")
        ? parseVitestLine(line.slice(2).trim())
        : null;
    if (frame) frames.push(frame);
    if (frames.length >= MAX_FRAMES) break; // innermost come first; the rest would be dropped
  }
  return innermostFirstToOrdered(frames);
}

/** Locations V8 prints for builtins and other code without a source file. */
const NO_SOURCE = /^(?:<anonymous>|native|unknown location|index \d+)$/;
/** The first "(path:line:col)" inside an "eval at fn (path:line:col), <anonymous>:1:1" location. */
const EVAL_ORIGIN = /\(([^()]*:\d+:\d+)\)/;

function parseFrameLine(rest: string): Frame | null {
  let fn: string | undefined;
  let loc = rest;
  if (rest.endsWith(")")) {
    const open = matchingOpenParen(rest);
    if (open < 0) return null;
    fn = rest.slice(0, open).trim() || undefined;
    loc = rest.slice(open + 1, -1).trim();
  }
  // "async f" stays: it marks an await boundary, which grouping needs (lib/grouping/frames).
  if (fn === "async") fn = undefined;
  // An awaited module body (Node ESM, Deno): "at async file:///srv/app/index.mjs:6:1".
  if (fn === undefined && loc.startsWith("async ")) loc = loc.slice(6);
  // React Native's Hermes: "at anonymous (address at index.android.bundle:1:23456)".
  if (loc.startsWith("address at ")) loc = loc.slice(11);

  if (NO_SOURCE.test(loc)) return fn ? { function: fn } : null;
  if (loc.startsWith("eval at ")) {
    const origin = EVAL_ORIGIN.exec(loc);
    if (!origin) return fn ? { function: fn } : null;
    loc = origin[1];
  }
  const where = splitLocation(loc, true);
  if (!where || !where.path) return null;
  return { ...(fn ? { function: fn } : {}), ...pathFields(where.path), lineno: where.lineno, colno: where.colno };
}

/** "Cart.total src/cart.ts:10:5" or "src/cart.test.ts:14:22": a location always, a function before it sometimes. */
function parseVitestLine(rest: string): Frame | null {
  const space = rest.lastIndexOf(" ");
  const where = splitLocation(space < 0 ? rest : rest.slice(space + 1), true);
  if (!where?.path || where.lineno === undefined) return null;
  const fn = space < 0 ? undefined : rest.slice(0, space).trim();
  if (fn !== undefined && /\s/.test(fn)) return null;
  return { ...(fn ? { function: fn } : {}), ...pathFields(where.path), lineno: where.lineno, colno: where.colno };
}
