import { splitLines } from "@/lib/ingest/stacktrace/limits";
import type { TraceSection } from "@/lib/grouping/chain/TraceSection";

/** "path:line:in `meth': message (Class)" or Ruby 3.4's "path:line:in 'Class#meth': message (Class)". */
const HEADER = /^(\S.*?:\d+:in [`'][^']*'): ([\s\S]*) \(([A-Z][\w:]*)\)$/;
/** A header whose message goes on over the next lines, the class after its last one ("…: first\nlast (Class)"). */
const OPEN_HEADER = /^(\S.*?:\d+:in [`'][^']*'): ([\s\S]*)$/;
/** A message's last line, the class after it. */
const CLASS_END = /^([\s\S]*) \(([A-Z][\w:]*)\)$/;
/** Ruby 2.5–2.7 printed the backtrace first, outermost first, numbered: "	2: from /app/bin/run:2:in `<main>'". */
const NUMBERED_FROM = /^\d{1,6}: from /;
/** A backtrace line: "from path:line:in …", or a bare "path:line:in …" (Exception#backtrace joined). */
const FRAME_LINE = /^(?:from |\d{1,6}: from |\S[^\n]{0,4096}?:\d{1,9}:in [`'])/;
/** How many lines a message may span before its class. */
const MAX_MESSAGE_LINES = 64;

/**
 * Ruby prints an uncaught exception, then each cause, every one starting with a header line:
 *   /app/app/services/checkout.rb:12:in `rescue in call': checkout failed (Checkout::Error)
 *   	from /app/app/services/checkout.rb:9:in `call'
 *   /app/app/services/gateway.rb:30:in `charge': card declined (Gateway::Declined)
 *   	from …
 * A message of several lines goes on under the header (the class after its first line, or, as some
 * versions print it, after its last). Ruby 2.5–2.7 printed the frames first ("Traceback (most recent
 * call last):", numbered, outermost first) and the header last. A bare backtrace (Exception#backtrace
 * joined) has no header: one section.
 */
export function splitRubyChain(text: string): TraceSection[] {
  const lines = splitLines(text);
  if (lines.some((line) => NUMBERED_FROM.test(line.trim()))) return reverseOrderSections(lines);
  const sections: { type?: string; message?: string; lines: string[]; sawFrame: boolean }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    const header = trimmed.startsWith("from ") ? null : readHeader(lines, i);
    if (header) {
      sections.push({ type: header.type, message: header.message, lines: [header.location], sawFrame: false });
      i = header.end;
      continue;
    }
    if (sections.length === 0) sections.push({ lines: [], sawFrame: false });
    const current = sections[sections.length - 1];
    const isFrame = FRAME_LINE.test(trimmed);
    // A line of the message under a header whose class followed its first line (error_highlight's
    // picture of the call, which groupEvent removes, included as printed).
    if (!isFrame && !current.sawFrame && current.type !== undefined) current.message = `${current.message}\n${line}`;
    else current.lines.push(line);
    current.sawFrame ||= isFrame;
  }
  if (sections.length === 0) return [{ relation: "raised", body: "" }];
  return sections.map((s, i) => ({ type: s.type, message: s.message?.trimEnd(), relation: i === 0 ? "raised" : "cause", body: s.lines.join("\n") }));
}

/** The header starting at line `at` (and the line it ends on); null when that line starts none. */
function readHeader(lines: readonly string[], at: number): { location: string; type: string; message: string; end: number } | null {
  const trimmed = lines[at].trim();
  const whole = HEADER.exec(trimmed);
  if (whole) return { location: whole[1], type: whole[3], message: whole[2], end: at };
  const open = trimmed.includes(":in ") ? OPEN_HEADER.exec(trimmed) : null;
  if (!open) return null;
  const message = [open[2]];
  for (let i = at + 1; i < Math.min(lines.length, at + MAX_MESSAGE_LINES); i++) {
    const line = lines[i].trim();
    if (FRAME_LINE.test(line)) return null;
    const end = CLASS_END.exec(line);
    if (end) return { location: open[1], type: end[2], message: [...message, end[1]].join("\n"), end: i };
    message.push(line);
  }
  return null;
}

/**
 * Ruby 2.5–2.7's order: "Traceback (most recent call last):", the frames outermost first ("2: from …",
 * "1: from …"), then the header. Each header takes the frames printed above it, put innermost first
 * as the other order prints them.
 */
function reverseOrderSections(lines: readonly string[]): TraceSection[] {
  const sections: TraceSection[] = [];
  let pending: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (NUMBERED_FROM.test(trimmed)) {
      pending.push(`from ${trimmed.slice(trimmed.indexOf("from ") + 5)}`);
      continue;
    }
    const header = readHeader(lines, i);
    if (!header) continue;
    sections.push({ type: header.type, message: header.message, relation: sections.length === 0 ? "raised" : "cause", body: [header.location, ...pending.reverse()].join("\n") });
    pending = [];
    i = header.end;
  }
  return sections.length > 0 ? sections : [{ relation: "raised", body: "" }];
}
