import { canonicalBrowserMessage, canonicalBrowserType } from "@/lib/grouping/message/browserMessages";
import type { Language } from "@/lib/ingest/stacktrace/frame";
import { withoutElixirTerms } from "@/lib/grouping/message/elixirTerms";
import { markStatusCodes, restoreStatusCodes } from "@/lib/grouping/message/httpStatusCodes";
import { withoutNamedDates } from "@/lib/grouping/message/messageDates";
import { parameteriseMessage } from "@/lib/ingest/parameteriseMessage";

/**
 * An exception type as grouping compares it: the simple name, since SDKs send "KeyError" with a
 * separate module while native traces print "builtins.KeyError", "java.lang.IllegalStateException",
 * "System.InvalidOperationException". Go ("*fs.PathError") and Ruby ("Foo::Bar") names stay whole.
 */
export function normaliseType(type: string, message: string, language: Language): string {
  let t = type.trim();
  if (language === "javascript" || language === "unknown") t = canonicalBrowserType(t, message);
  if (language === "go" || t.startsWith("*") || t.includes("::") || t.includes("\\")) return t;
  return t.slice(t.lastIndexOf(".") + 1);
}

/**
 * A message as grouping compares it when frames cannot tell bugs apart: engine wordings unified,
 * runtime-version differences removed, then every variable part (ids, numbers, quoted values,
 * addresses, times; dates with weekday and month names; Elixir's inspected maps, structs and opaque
 * values) replaced by a placeholder — but for HTTP status codes (message/httpStatusCodes.ts).
 *
 * `previous`: as messages were normalised before the 2026-12-09 upgrade (without the named dates,
 * Elixir values and status codes), for an event's previous fingerprint (lib/grouping/groupEvent.ts).
 */
export function normaliseMessage(type: string, message: string, language: Language, previous = false): string {
  const text = withoutRuntimeWording(type, message, language);
  return previous ? parameteriseMessage(text.replace(/\.$/, "")) : parameterisedKeepingStatus(upgraded(text, language)).text;
}

/**
 * The message normalised now and as before the 2026-12-09 upgrade (normaliseMessage), parameterised
 * once when the upgrade finds nothing in it — as for most messages.
 */
export function normaliseMessageAndPrevious(type: string, message: string, language: Language): { current: string; previous: string } {
  const text = withoutRuntimeWording(type, message, language);
  const now = upgraded(text, language);
  const { text: current, keptCodes } = parameterisedKeepingStatus(now);
  return { current, previous: now === text && !keptCodes ? current : parameteriseMessage(text.replace(/\.$/, "")) };
}

function parameterisedKeepingStatus(text: string): { text: string; keptCodes: boolean } {
  const marked = markStatusCodes(text.replace(/\.$/, ""));
  return { text: restoreStatusCodes(parameteriseMessage(marked.text), marked.codes), keptCodes: marked.codes.length > 0 };
}

function withoutRuntimeWording(type: string, message: string, language: Language): string {
  let text = message.trim();
  const simpleType = type.slice(type.lastIndexOf(".") + 1);
  // JDK 14+ "helpful" NullPointerException messages; older JDKs (and -XX:-ShowCodeDetails…) send none.
  if (simpleType === "NullPointerException") return "";
  if (language === "javascript" || language === "unknown") text = canonicalBrowserMessage(text);
  if (language === "go" || language === "unknown") {
    text = text
      .replace(/^panic: /, "")
      .replace(/ \[recovered(?:, repanicked)?\]/g, "")
      .replace(/\n\s*panic: [\s\S]*$/, "")
      .replace(/\[signal [^\]]*\]/g, "")
      .replace(/goroutine \d+/g, "goroutine");
  }
  return text;
}

/** The 2026-12-09 upgrade's readings: Elixir's inspected values, then named dates. */
function upgraded(text: string, language: Language): string {
  // As far as the parameteriser reads (it keeps 8,192 characters): bounded work on any message.
  let out = text.length > 8192 ? text.slice(0, 8192) : text;
  if (language === "elixir") out = withoutElixirTerms(out);
  return withoutNamedDates(out);
}
