import { splitLines } from "@/lib/ingest/stacktrace/limits";
import { splitTypeAndMessage, type TraceSection } from "@/lib/grouping/chain/TraceSection";

const SECTION = /^(\s*)(Caused by|Suppressed|Wrapped by): (.*)$/;
/**
 * A cause or suppressed exception already printed higher up the chain (a cycle: e.getCause() leads back
 * to it), which Throwable.printStackTrace names instead of printing again: "Caused by: [CIRCULAR
 * REFERENCE: com.acme.FooException: msg]". Not another exception of the chain.
 */
const CIRCULAR = /^\s*(?:(?:Caused by|Suppressed|Wrapped by): )?\[CIRCULAR REFERENCE: /;
/** `Exception in thread "main" pkg.Type: msg`; a JVM type is a qualified name (Kotlin too). */
const JAVA_TYPE = /^(?:Exception in thread "[^"]*" )?((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)(?::\s?([\s\S]*))?$/;

/**
 * JVM traces (Java, Kotlin, Scala), raised exception first:
 *   java.lang.IllegalStateException: checkout failed
 *   	at com.acme.Checkout.run(Checkout.java:42)
 *   	Suppressed: java.io.IOException: close failed        (tab-indented: belongs to its enclosing trace)
 *   		at ...
 *   Caused by: java.sql.SQLException: timeout
 *   	at ...
 *   	... 12 more                                          (frames shared with the enclosing trace)
 * Top-level `Caused by:` sections form the cause chain; `Suppressed:` sections and anything nested
 * under them are kept as "suppressed". Lines before the first frame are the header (multi-line messages).
 * Logback's root-cause-first layout (`%rEx`) prints the chain the other way round, each wrapper as
 * `Wrapped by: …` after what it wraps: it is put back in raised-first order. A cycle's
 * `[CIRCULAR REFERENCE: …]` line is left out (CIRCULAR).
 */
export function splitJavaChain(text: string): TraceSection[] {
  const sections: JavaSection[] = [];
  let current: JavaSection = { header: [], body: [], relation: "raised", sawFrame: false, elided: 0 };
  let rootCauseFirst = false;
  sections.push(current);
  let suppressedIndent = -1;
  for (const line of splitLines(text)) {
    if (CIRCULAR.test(line)) continue;
    const m = SECTION.exec(line);
    if (m) {
      const indent = m[1].replace(/\t/g, "    ").length;
      if (suppressedIndent >= 0 && indent <= suppressedIndent && !(m[2] === "Suppressed" && indent === suppressedIndent)) suppressedIndent = -1;
      let relation: TraceSection["relation"] = "cause";
      if (m[2] === "Suppressed") {
        relation = "suppressed";
        if (suppressedIndent < 0 || indent < suppressedIndent) suppressedIndent = indent;
      } else if (indent > 0 || suppressedIndent >= 0) {
        relation = "suppressed";
      } else if (m[2] === "Wrapped by") {
        rootCauseFirst = true;
      }
      current = { header: [m[3]], body: [], relation, sawFrame: false, elided: 0 };
      sections.push(current);
      continue;
    }
    const trimmed = line.trim();
    const more = /^\.\.\. (\d+) (?:more|common frames omitted)$/.exec(trimmed);
    if (trimmed.startsWith("at ") || more) {
      current.sawFrame = true;
      if (more) current.elided = Number(more[1]);
      else current.body.push(line);
    } else if (!current.sawFrame && trimmed) {
      current.header.push(trimmed);
    }
  }
  return (rootCauseFirst ? raisedFirst(sections) : sections)
    .filter((s, i) => i === 0 || s.header.length > 0)
    .map((s) => {
      const header = headerOf(s.header);
      return { ...header, relation: s.relation, body: s.body.join("\n"), ...(s.elided > 0 && { elidedOuterFrames: s.elided }) };
    });
}

interface JavaSection {
  header: string[];
  body: string[];
  relation: TraceSection["relation"];
  sawFrame: boolean;
  elided: number;
}

/**
 * Root cause first → raised first: the top-level sections (each with the suppressed ones printed
 * under it) in reverse order. Each cause's "... N common frames omitted" still counts the frames it
 * shares with its wrapper, which now comes before it as an enclosing exception does.
 */
function raisedFirst(sections: JavaSection[]): JavaSection[] {
  const blocks: JavaSection[][] = [];
  for (const section of sections) {
    if (section.relation === "suppressed" && blocks.length > 0) blocks[blocks.length - 1].push(section);
    else blocks.push([section]);
  }
  return blocks.reverse().flatMap((block, i) => [{ ...block[0], relation: i === 0 ? ("raised" as const) : ("cause" as const) }, ...block.slice(1)]);
}

/** The first header line that names a JVM type starts the exception; later lines continue its message. */
function headerOf(lines: string[]): { type?: string; message?: string } {
  for (let i = 0; i < lines.length; i++) {
    const parsed = splitTypeAndMessage(lines[i], JAVA_TYPE);
    if (parsed && (parsed.type.includes(".") || /(?:Exception|Error|Throwable)$/.test(parsed.type))) {
      const rest = lines.slice(i + 1).join("\n");
      return { type: parsed.type, message: rest ? `${parsed.message}\n${rest}` : parsed.message };
    }
  }
  return {};
}
