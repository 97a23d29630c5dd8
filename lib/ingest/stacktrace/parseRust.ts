import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields, splitLocation } from "@/lib/ingest/stacktrace/location";
import { outsideAngleBrackets } from "@/lib/ingest/stacktrace/parens";

/**
 * Rust backtraces (std::backtrace, a panic with RUST_BACKTRACE=1 or =full, anyhow/eyre's
 * "Stack backtrace:"), innermost first, the location on the line after its symbol:
 *   stack backtrace:
 *      0: rust_begin_unwind
 *                at /rustc/90b35a62…/library/std/src/panicking.rs:665:5
 *      5: myapp::handlers::load_user
 *                at ./src/handlers.rs:42:18
 *     12:     0x55d9c2b0c1a3 - myapp::main::h5a5b8284f2d0c266        (RUST_BACKTRACE=full)
 *     13:        0x0 - <unknown>
 * Inlined functions print several symbols for one frame number; each is a frame. Only the first
 * backtrace is read (a panic inside a panic prints a second one for the inner panic).
 */
export function parseRust(text: string): Frame[] | null {
  const frames: Frame[] = [];
  let last: Frame | null = null;
  let lastIndex = -1;
  let afterFrame = false; // the previous line was a frame's symbol or location: an inlined symbol may follow
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    // anyhow / eyre print the error's causes as a numbered list ("Caused by:\n    0: reading config")
    // before "Stack backtrace:": the backtrace starts there.
    if (/^stack backtrace:$/i.test(line)) {
      frames.length = 0;
      lastIndex = -1;
      last = null;
      afterFrame = false;
      continue;
    }
    const numbered = NUMBERED_SYMBOL.exec(line);
    if (numbered || (afterFrame && raw.startsWith("      ") && line !== "" && !line.startsWith("at "))) {
      const index = numbered ? Number(numbered[1]) : lastIndex;
      if (index < lastIndex || (numbered && index === 0 && lastIndex >= 0)) break; // a second backtrace
      last = frameOf(numbered ? numbered[2] : line);
      if (last !== null) lastIndex = index;
      afterFrame = last !== null;
      if (last?.function) frames.push(last);
      if (frames.length >= MAX_FRAMES) break;
      continue;
    }
    if (last && line.startsWith("at ") && last.lineno === undefined) {
      const where = splitLocation(line.slice(3), false);
      if (where?.path) Object.assign(last, pathFields(where.path), { lineno: where.lineno }, where.colno === undefined ? {} : { colno: where.colno });
      continue;
    }
    last = null;
    afterFrame = false;
  }
  // Numbered symbol lists are common: insist on Rust's own marks (a location line or a "::" path).
  if (!frames.some((f) => f.lineno !== undefined || f.function?.includes("::"))) return null;
  return innermostFirstToOrdered(frames);
}

/** "12: symbol" and, with RUST_BACKTRACE=full, "12:     0x55d9c2b0c1a3 - symbol". */
const NUMBERED_SYMBOL = /^(\d{1,4}):\s+(?:0x[0-9a-f]{1,16} - )?(\S.*)$/;

/** A symbol: a path that may hold generic arguments ("<T as core::ops::Fn>::call"); "<unknown>" is an unresolved frame (its location lines are skipped with it). */
function frameOf(symbolText: string): Frame | null {
  const symbol = symbolText.trim();
  if (symbol === "<unknown>") return {};
  if (!/^(?:<|[A-Za-z_])/.test(symbol) || /\s/.test(outsideAngleBrackets(symbol))) return null;
  return { function: symbol.replace(RUST_HASH, "").replace(RUST_CRATE_DISAMBIGUATOR, "") };
}

/** v0 mangling's crate disambiguators, as RUST_BACKTRACE=full prints them: "std[e28293b1aa0f68bd]::rt"; they change with every toolchain build. */
export const RUST_CRATE_DISAMBIGUATOR = /(?<=\w)\[[0-9a-f]{1,16}\]/g;

/** The symbol hash rustc appends (legacy mangling): "::h5a5b8284f2d0c266". */
export const RUST_HASH = /::h[0-9a-f]{16}$/;
