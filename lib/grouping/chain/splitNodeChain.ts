import { splitLines } from "@/lib/ingest/stacktrace/limits";
import { jsHeaderStart } from "@/lib/grouping/chain/jsHeaderStart";
import { membersInFixedOrder } from "@/lib/grouping/chain/membersInFixedOrder";
import { splitTypeAndMessage, type TraceSection } from "@/lib/grouping/chain/TraceSection";

/** Node's util.inspect "[cause]: Error: …" and the "Caused by: …" / "caused by: …" of browsers' consoles and VError-style loggers. */
const CAUSE = /^\s*(?:\[cause\]:|Caused by:|caused by:)\s*(.*)$/;
/** Node elides the lines an error shares with its cause: "... 6 lines matching cause stack trace ...". */
const MATCHING = /^\.\.\. (\d+) lines? matching cause stack trace \.\.\.$/;
const ELIDED = "\u0000elided:";

/**
 * JavaScript traces with causes, raised first. Node prints an uncaught error's cause inside braces:
 *   Error: checkout failed
 *       at checkout (/app/src/checkout.js:10:11)
 *       ... 6 lines matching cause stack trace ...
 *       at node:internal/main/run_main_module:28:49 {
 *     [cause]: Error: connect ECONNREFUSED 127.0.0.1:5432
 *         at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)
 *   }
 * The elided lines are restored from the cause, so the raised exception has the frames its
 * error.stack had. Firefox and Safari traces carry no header and no cause: one section.
 */
export function splitNodeChain(text: string): TraceSection[] {
  const sections: NodeSection[] = [{ header: [], body: [], sawFrame: false, member: false }];
  let inErrors = false;
  for (const line of splitLines(text)) {
    const m = CAUSE.exec(line);
    if (m) {
      sections.push({ header: [m[1]], body: [], sawFrame: false, member: false });
      continue;
    }
    const trimmed = line.trim();
    if (ERRORS_START.test(trimmed)) {
      inErrors = true;
      continue;
    }
    if (inErrors && /^\],?$/.test(trimmed)) {
      inErrors = false;
      continue;
    }
    const current = sections[sections.length - 1];
    const elided = MATCHING.exec(trimmed);
    const isFrame = /^(?:at |❯ |async\*|[^\s@]*@)/.test(trimmed) || /^\S+:\d+:\d+,?$/.test(trimmed);
    if (elided) {
      current.body.push(`${ELIDED}${elided[1]}`);
    } else if (isFrame) {
      current.sawFrame = true;
      current.body.push(trimmed.replace(/(?:\s\{|,)$/, ""));
    } else if (inErrors && /^[A-Za-z_$][\w$.]*(?::|,?$)/.test(trimmed) && (current.sawFrame || !current.member)) {
      // The next error of an AggregateError's `[errors]` list.
      sections.push({ header: [trimmed], body: [], sawFrame: false, member: true });
    } else if (!current.sawFrame && trimmed && !trimmed.startsWith("...")) {
      current.header.push(trimmed);
    }
  }
  for (let i = sections.length - 2; i >= 0; i--) sections[i].body = restoreElided(sections[i].body, sections[i + 1].body);
  const out = sections.map((s, i) => ({
    ...(splitTypeAndMessage(headerText(s.header), /^([A-Za-z_$][\w$.]*)(?::\s?([\s\S]*))?$/) ?? {}),
    relation: i === 0 ? ("raised" as const) : s.member ? ("member" as const) : ("cause" as const),
    body: s.body.join("\n"),
  }));
  return withMembersInFixedOrder(out, sections.map((s) => s.member));
}

/**
 * Deno's "error: Uncaught (in promise) TypeError: …" and its test runner's "error: AssertionError: …",
 * a browser console's "Uncaught TypeError: …".
 */
const UNCAUGHT = /^(?:error: (?=Uncaught |[A-Z][\w$]{0,255}(?:Error|Exception)(?::|$)))?(?:Uncaught (?:\(in promise\) )?(?=[A-Za-z_$]))?/;

/**
 * An error's header as printed: what a log call printed before it (jsHeaderStart.ts), Node's uncaught-error preamble (the throwing source line, "file:line",
 * the code and a caret line), the `[ERR_…]` code after a Node error's name and the "Uncaught"
 * prefixes of Deno and browser consoles left out;
 * util.inspect's "[AggregateError: msg] {" for an error whose stack is not printed read as
 * "AggregateError: msg".
 */
function headerText(lines: string[]): string {
  const caret = lines.findIndex((line) => /^\^+$/.test(line));
  const printed = caret >= 0 ? lines.slice(caret + 1) : lines;
  const text = jsHeaderStart(printed.map((line, i) => (i === 0 ? line.replace(UNCAUGHT, "") : line)))
    .join("\n")
    .replace(/(?:,| \{)$/, "");
  const bracketed = /^\[([A-Za-z_$][\w$.]*): ([\s\S]*)\]$/.exec(text);
  // Node's own errors print their code after the name, "TypeError [ERR_INVALID_ARG_TYPE]: The "path"
  // argument must be…": the name is the type and the message the error's, as an SDK reports them.
  return bracketed ? `${bracketed[1]}: ${bracketed[2]}` : text.replace(NODE_ERROR_CODE, "$1:");
}

const NODE_ERROR_CODE = /^([A-Za-z_$][\w$.]*) \[[A-Z][A-Z0-9_]{1,63}\]:/;

interface NodeSection {
  header: string[];
  body: string[];
  sawFrame: boolean;
  /** An error of an AggregateError's `[errors]` list (what follows it until the next one is its chain). */
  member: boolean;
}

/** util.inspect of an AggregateError (Promise.any, `new AggregateError(...)`): its errors follow in `[errors]: [ … ]`. */
const ERRORS_START = /^\[errors\]:\s*\[$/;

/**
 * An AggregateError's errors, each with its causes, deduplicated by type and frames and in a fixed
 * order (membersInFixedOrder.ts), as for Sentry's and Python's exception groups.
 */
function withMembersInFixedOrder(sections: TraceSection[], isMember: boolean[]): TraceSection[] {
  const first = isMember.indexOf(true);
  if (first < 0) return sections;
  const blocks: { key: string; block: TraceSection[] }[] = [];
  sections.forEach((section, i) => {
    if (i < first) return;
    if (isMember[i]) blocks.push({ key: "", block: [] });
    blocks[blocks.length - 1].block.push(section);
  });
  // The key: types and frames, not messages.
  for (const entry of blocks) entry.key = entry.block.map((s) => `${s.type ?? ""}\n${s.body}`).join("\n\n");
  const ordered = membersInFixedOrder(blocks);
  return [...sections.slice(0, first), ...ordered];
}

/** Replaces each elision marker with the cause's lines that precede the line printed after the marker. */
function restoreElided(lines: string[], causeLines: string[]): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith(ELIDED)) {
      out.push(line);
      return;
    }
    const n = Number(line.slice(ELIDED.length));
    const next = lines[i + 1];
    const at = next === undefined ? -1 : causeLines.indexOf(next);
    const end = at >= n ? at : causeLines.length;
    out.push(...causeLines.slice(Math.max(0, end - n), end).filter((l) => !l.startsWith(ELIDED)));
  });
  return out;
}
