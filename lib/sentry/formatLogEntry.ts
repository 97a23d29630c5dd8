import { boundedJson } from "@/lib/text/boundedJson";

/**
 * A log call's message with its parameters filled in, for SDKs that send the format string and the
 * parameters apart and no `formatted` text (sentry-python's logging integration:
 * `{ message: "lookup failed for %s", params: ["acct-9"] }`). printf / Python %-style
 * (`%s %d %r %05.2f`, `%%`), Python named `%(name)s` with an object of parameters, and brace styles
 * (`{}` in turn as SLF4J, `{0}` by index as .NET, `{name}` from an object). A placeholder without a
 * parameter stays as written. Pure.
 */
// Flags, width and precision bounded: a long run of digits after a % cannot make the match backtrack.
const PRINTF = /%(?:\((\w{1,64})\))?[-+ 0#]{0,5}(?:\d{1,4}|\*)?(?:\.\d{1,4})?[sdifFrxXoeEgGcau%]/g;
const BRACES = /\{(\w*)\}/g;
const MAX_FORMATTED = 8192;

export function formatLogEntry(template: string, params: unknown): string {
  const list = Array.isArray(params) ? params : null;
  const named = !list && params && typeof params === "object" ? (params as Record<string, unknown>) : null;
  if (!list && !named) return template;
  let next = 0;
  const positional = (): string | undefined => (list && next < list.length ? show(list[next++]) : undefined);
  const byName = (name: string): string | undefined => (named && Object.hasOwn(named, name) ? show(named[name]) : undefined);

  const printf = PRINTF.test(template);
  PRINTF.lastIndex = 0;
  const text = printf
    ? template.replace(PRINTF, (whole, name: string | undefined) => {
        if (whole === "%%") return "%";
        return (name !== undefined ? byName(name) : positional()) ?? whole;
      })
    : template.replace(BRACES, (whole, inner: string) => {
        if (inner === "") return positional() ?? whole;
        if (/^\d+$/.test(inner)) return list && Number(inner) < list.length ? show(list[Number(inner)]) : whole;
        return byName(inner) ?? whole;
      });
  return text.length > MAX_FORMATTED ? text.slice(0, MAX_FORMATTED) : text;
}

function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return String(value);
  if (typeof value === "object") return boundedJson(value, MAX_FORMATTED) ?? String(value);
  return String(value);
}
