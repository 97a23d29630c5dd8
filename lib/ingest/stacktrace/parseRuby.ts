import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, capOrdered, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { isDigits, pathFields } from "@/lib/ingest/stacktrace/location";

/**
 * Ruby backtraces, innermost first, as printed by the interpreter or Exception#backtrace:
 *   /app/models/user.rb:42:in `full_name': undefined method `upcase' for nil (NoMethodError)
 *   	from /app/controllers/users_controller.rb:10:in `show'
 *   app/models/user.rb:42:in 'User#full_name'        (Ruby 3.4 quoting)
 */
export function parseRuby(text: string): Frame[] | null {
  const frames: Frame[] = [];
  // Ruby 2.5–2.7 printed to a terminal outermost first, numbered, the raising line last:
  //   Traceback (most recent call last):
  //   	1: from /app/bin/run:2:in `<main>'
  //   /app/lib/x.rb:3:in `bar': boom (RuntimeError)
  let outermostFirst = false;
  for (const raw of splitLines(text)) {
    let line = raw.trim();
    const numbered = NUMBERED_FROM.exec(line);
    if (numbered) outermostFirst = true;
    if (numbered) line = line.slice(numbered[0].length);
    else if (line.startsWith("from ")) line = line.slice(5);
    const frame = parseFrameLine(line);
    if (frame) frames.push(frame);
    if (frames.length >= MAX_FRAMES && !outermostFirst) break; // innermost come first; the rest would be dropped
  }
  return outermostFirst ? capOrdered(frames) : innermostFirstToOrdered(frames);
}

const NUMBERED_FROM = /^\d{1,6}: from /;

const GEM_PATH = /^([\w.-]{1,128}) \((\d[\w.]{0,64})\) (\S.*)$/;

function parseFrameLine(raw: string): Frame | null {
  // RSpec prints backtraces as comments: "# ./app/models/order.rb:27:in `total'".
  const line = raw.startsWith("#") ? raw.replace(/^#\s+/, "") : raw;
  // ":in `name'" (Ruby < 3.4) or ":in 'name'" (3.4+); the name ends at the next "'".
  let marker = line.indexOf(":in `");
  if (marker < 0) marker = line.indexOf(":in '");
  if (marker <= 0) return null;
  const close = line.indexOf("'", marker + 5);
  if (close < 0) return null;

  const head = line.slice(0, marker); // "path:line"
  const colon = head.lastIndexOf(":");
  if (colon <= 0 || !isDigits(head.slice(colon + 1))) return null;
  const path = head.slice(0, colon);
  if (/^\s|\s$/.test(path)) return null;

  const fn = line.slice(marker + 5, close);
  // Rails' full backtrace names a gem's files by the gem: "actionpack (7.1.3) lib/abstract_controller/base.rb".
  const gem = GEM_PATH.exec(path);
  if (gem) return { ...(fn ? { function: fn } : {}), module: gem[1], ...pathFields(gem[3]), lineno: Number(head.slice(colon + 1)), inApp: false };
  return { ...(fn ? { function: fn } : {}), ...pathFields(path), lineno: Number(head.slice(colon + 1)) };
}
