/**
 * HTTP status codes in a message the key reads (since 2026-12-09, review s54). The parameteriser
 * makes every number `<num>`, so `Request failed with status code 404` and `… 500` — an HTTP
 * client's error raised from its own code, whose frames say nothing — were one issue. A code is
 * kept where the message says it is one: after `status code`, `status`, `HTTP` (`HTTP/1.1`, `HTTP
 * Error`, `HTTP status`), `response code`, .NET's `does not indicate success:`, and before
 * requests' `Client Error` / `Server Error`. A client error (4xx) is kept as it is — a missing
 * resource, a rejected credential and a validation failure are different bugs —; a server error is
 * kept as its class, `5xx`: an upstream failing answers 500, 502, 503 or 504 as its state goes, one
 * problem. Other 3-digit numbers (ids, counts, a status that is no HTTP code) stay `<num>`.
 *
 * `mark` swaps each code for a marker the parameteriser leaves alone; `restore` puts the codes back
 * into its output.
 */
const STATUS_CODE =
  /\b(?:((?:status(?:[ _]code)?|http(?:\/\d(?:\.\d)?)?(?: error| status(?: code)?| response code)?|response code|does not indicate success)(?: ?[:=] ?| ))([1-5]\d\d)|([1-5]\d\d)(?= (?:client|server) error\b))\b(?![.,]\d)/gi;
const MARKER = "\u0001status\u0001";

export function markStatusCodes(text: string): { text: string; codes: string[] } {
  const codes: string[] = [];
  const marked = text.replace(STATUS_CODE, (_m, prefix: string | undefined, after: string | undefined, before: string | undefined) => {
    const code = (after ?? before) as string;
    codes.push(code.startsWith("5") ? "5xx" : code);
    return `${prefix ?? ""}${MARKER}`;
  });
  return { text: marked, codes };
}

export function restoreStatusCodes(parameterised: string, codes: string[]): string {
  if (codes.length === 0) return parameterised;
  let i = 0;
  return parameterised.replace(/\u0001status\u0001/g, () => codes[i++] ?? "<num>");
}
