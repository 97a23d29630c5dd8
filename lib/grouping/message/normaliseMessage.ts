import { canonicalBrowserMessage, canonicalBrowserType } from "@/lib/grouping/message/browserMessages";
import type { Language } from "@/lib/ingest/stacktrace/frame";
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
 * addresses, times) replaced by a placeholder.
 */
export function normaliseMessage(type: string, message: string, language: Language): string {
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
  return parameteriseMessage(text.replace(/\.$/, ""));
}
