import { splitLines } from "@/lib/ingest/stacktrace/limits";
import type { TraceSection } from "@/lib/grouping/chain/TraceSection";

/** "path:line:in `meth': message (Class)" or Ruby 3.4's "path:line:in 'Class#meth': message (Class)". */
const HEADER = /^(\S.*?:\d+:in [`'][^']*'): ([\s\S]*) \(([A-Z][\w:]*)\)$/;

/**
 * Ruby prints an uncaught exception, then each cause, every one starting with a header line:
 *   /app/app/services/checkout.rb:12:in `rescue in call': checkout failed (Checkout::Error)
 *   	from /app/app/services/checkout.rb:9:in `call'
 *   /app/app/services/gateway.rb:30:in `charge': card declined (Gateway::Declined)
 *   	from …
 * A bare backtrace (Exception#backtrace joined) has no header: one section.
 */
export function splitRubyChain(text: string): TraceSection[] {
  const sections: { type?: string; message?: string; lines: string[] }[] = [];
  for (const line of splitLines(text)) {
    const m = HEADER.exec(line.trim());
    if (m && !line.trim().startsWith("from ")) {
      sections.push({ type: m[3], message: m[2], lines: [m[1]] });
      continue;
    }
    if (sections.length === 0) sections.push({ lines: [] });
    sections[sections.length - 1].lines.push(line);
  }
  if (sections.length === 0) return [{ relation: "raised", body: "" }];
  return sections.map((s, i) => ({ type: s.type, message: s.message, relation: i === 0 ? "raised" : "cause", body: s.lines.join("\n") }));
}
