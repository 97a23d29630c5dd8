import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields, splitLocation } from "@/lib/ingest/stacktrace/location";

/**
 * GHC call stacks (HasCallStack: `error`, `undefined`, prettyCallStack; GHC 9.10+'s exception
 * context "HasCallStack backtrace:"), innermost first:
 *   app: Prelude.head: empty list
 *   CallStack (from HasCallStack):
 *     error, called at libraries/base/GHC/List.hs:1646:3 in base:GHC.List
 *     errorEmptyList, called at libraries/base/GHC/List.hs:85:11 in base:GHC.List
 *     head, called at src/Orders.hs:27:15 in shop-0.1.0-inplace:Orders
 *     total, called at app/Main.hs:9:3 in main:Main
 * Each line names the function *called* at a location in package:Module, so the function running
 * there is the next line's: frames are re-paired (as parsePhp does) — the innermost is the function
 * called last (`error`), without a location of its own; the outermost a location in a function
 * without HasCallStack (unnamed). The frame's module is "package:Module" as printed. Only the first
 * call stack is read: GHC 9.10 prints the error's own, then the backtrace of where it was thrown.
 */
export function parseHaskell(text: string): Frame[] | null {
  const calls: Call[] = [];
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    if (calls.length > 0 && HASKELL_STACK_HEADER.test(line)) break;
    const call = parseCallLine(line);
    if (call && calls.length < MAX_FRAMES) calls.push(call);
  }
  if (calls.length === 0) return null;
  // Innermost first: calls[0].name ran last (no location); calls[i].name ran at calls[i - 1].at.
  const frames: Frame[] = calls.map(({ name }, i) => ({ function: name, ...(i > 0 ? calls[i - 1].at : {}) }));
  frames.push({ ...calls[calls.length - 1].at });
  return innermostFirstToOrdered(frames);
}

type Call = { name: string; at: Pick<Frame, "filename" | "absPath" | "lineno" | "colno" | "module"> };

/** "CallStack (from HasCallStack):" (GHC 8+), "CallStack (from ImplicitParams):" (7.10), 9.10's "HasCallStack backtrace:". */
export const HASKELL_STACK_HEADER = /^(?:CallStack \(from [\w -]{1,32}\):|[\w -]{1,32} backtrace:)$/;
/** "head" (any name or operator: "!!", "fromJust'"), then ", called at ". */
const NAME = /^[^\s,]{1,512}$/;
/** A source file ("src/Orders.hs", a generated ".y" or ".hsc", "Types.hs-boot") or GHCi's "<interactive>". */
const SOURCE = /(?:\.[\w-]{1,12}|^<interactive>)$/;
/** "base:GHC.List", "shop-0.1.0-inplace:Orders", "main:Main", "interactive:Ghci1" (GHCi). */
const PACKAGE_MODULE = /^[\w.-]{1,512}:[A-Z][\w.']{0,512}$/;

/** Whether a (trimmed) line is a call stack's "head, called at src/Orders.hs:27:15 in shop-0.1.0-inplace:Orders". */
export function isHaskellCallLine(line: string): boolean {
  return parseCallLine(line) !== null;
}

/** "head, called at src/Orders.hs:27:15 in shop-0.1.0-inplace:Orders". */
function parseCallLine(line: string): Call | null {
  const called = line.indexOf(", called at ");
  if (called <= 0) return null;
  const name = line.slice(0, called);
  const rest = line.slice(called + 12);
  const inAt = rest.lastIndexOf(" in ");
  if (inAt <= 0 || !NAME.test(name)) return null;
  const packageModule = rest.slice(inAt + 4);
  const where = splitLocation(rest.slice(0, inAt), true);
  if (!where?.path || /\s/.test(where.path) || !SOURCE.test(where.path) || !PACKAGE_MODULE.test(packageModule)) return null;
  return { name, at: { ...pathFields(where.path), lineno: where.lineno, colno: where.colno, module: packageModule } };
}
