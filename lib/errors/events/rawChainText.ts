import type { ExceptionRelation } from "@/lib/grouping/chain/ChainException";
import { RELATION_LABELS } from "@/lib/grouping/chain/relationLabels";

interface RawException {
  type: string;
  value: string;
  relation: ExceptionRelation;
  stackTrace: string | null;
}

/** A name an exception's header line may give its type: no spaces (`TypeError`, `java.lang.IllegalStateException`, `App\Errors\Failed`). */
const TYPE_NAME = /^[A-Za-z_$][\w$.\\:<>`'+-]*$/;

/**
 * The event viewer's *Raw* text of an exception chain: each printed exception's header
 * (`Caused by: Type: message`) and its trace text. A trace whose text already opens with its own
 * header line (a JavaScript `stack`, a JVM trace, the text kept for an SDK's structured frames) is
 * not given the header a second time. A native trace's text already prints its causes: those
 * without text of their own are not repeated.
 */
export function rawChainText(exceptions: RawException[]): string {
  const printed = exceptions.filter((e, i) => i === 0 || e.stackTrace || !exceptions[0].stackTrace);
  return printed
    .map((e, i) => {
      // How each linked exception relates to the one before it (one marked raised after the first reads as a cause).
      const label = i === 0 ? "" : `${e.relation === "raised" ? RELATION_LABELS.cause : (RELATION_LABELS[e.relation] ?? RELATION_LABELS.cause)}: `;
      const text = e.stackTrace ?? "";
      if (text && opensWithHeader(text, e.type, e.value)) return `${label}${text}`;
      return `${label}${e.type}${e.value ? `: ${e.value}` : ""}\n${text}`;
    })
    .join("\n\n");
}

/**
 * Whether a trace's text starts with a `Type: message` line for this exception: the message's first
 * line after a type name (the text may name the type in full, or differently after a merge), or the
 * type alone when there is no message.
 */
export function opensWithHeader(text: string, type: string, value: string): boolean {
  const firstLine = text.trimStart().split("\n", 1)[0].trimEnd();
  const message = value.split("\n", 1)[0].trimEnd();
  if (!message) return firstLine === type || (TYPE_NAME.test(firstLine) && (firstLine.endsWith(`.${type}`) || firstLine.endsWith(`\\${type}`)));
  if (!firstLine.endsWith(`: ${message}`)) return false;
  return TYPE_NAME.test(firstLine.slice(0, -(message.length + 2)));
}
