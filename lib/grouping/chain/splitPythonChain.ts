import { LOGURU_CATCH_POINT } from "@/lib/ingest/stacktrace/parsePython";
import { splitLines } from "@/lib/ingest/stacktrace/limits";
import { PYTHON_EXCEPTION_LINE, splitPythonGroup } from "@/lib/grouping/chain/splitPythonGroup";
import { splitTypeAndMessage, type TraceSection } from "@/lib/grouping/chain/TraceSection";
import { GROUP_HEADER } from "@/lib/ingest/stacktrace/pythonGroupMargin";

const DIRECT_CAUSE = "The above exception was the direct cause of the following exception:";
const DURING_HANDLING = "During handling of the above exception, another exception occurred:";

/**
 * CPython prints a chain oldest first, separated by one of two sentences:
 *   Traceback (most recent call last): …  KeyError: 'u_1'
 *   The above exception was the direct cause of the following exception:     (raise … from e)
 *   Traceback (most recent call last): …  app.errors.ProfileError: no profile
 * The last traceback is the raised exception. Returned raised first, each earlier one as the
 * "cause" (explicit) or "context" (implicit) of the one printed after it.
 */
export function splitPythonChain(text: string): TraceSection[] {
  const chunks: { lines: string[]; relationToNext?: TraceSection["relation"] }[] = [{ lines: [] }];
  for (const line of splitLines(text)) {
    const trimmed = line.trim();
    if (trimmed === DIRECT_CAUSE || trimmed === DURING_HANDLING) {
      chunks[chunks.length - 1].relationToNext = trimmed === DIRECT_CAUSE ? "cause" : "context";
      chunks.push({ lines: [] });
      continue;
    }
    chunks[chunks.length - 1].lines.push(line);
  }
  const sections: TraceSection[] = [];
  for (let i = chunks.length - 1; i >= 0; i--) {
    const chunk = chunks[i];
    const relation: TraceSection["relation"] = i === chunks.length - 1 ? "raised" : (chunk.relationToNext ?? "cause");
    // An exception group (3.11+) printed as a box: the group, then its sub-exceptions.
    if (chunk.lines.some((line) => GROUP_HEADER.test(line))) sections.push(...splitPythonGroup(chunk.lines, relation, splitPythonChain));
    else sections.push({ ...exceptionLine(chunk.lines), relation, body: chunk.lines.join("\n") });
  }
  return sections;
}

/** The exception line: the first unindented line after the traceback's frames ("pkg.Type: message"). */
function exceptionLine(lines: string[]): { type?: string; message?: string } {
  let sawFrame = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim().replace(LOGURU_CATCH_POINT, "").startsWith('File "')) sawFrame = true;
    if (!sawFrame || !line || /^\s/.test(line) || line.startsWith("Traceback (")) continue;
    const parsed = splitTypeAndMessage(line, PYTHON_EXCEPTION_LINE);
    if (!parsed) continue;
    const rest = lines.slice(i + 1).filter((l) => l.trim() !== "");
    return { type: parsed.type, message: rest.length > 0 ? `${parsed.message}\n${rest.join("\n")}`.trim() : parsed.message };
  }
  return {};
}
