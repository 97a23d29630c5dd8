/** Ids: UUIDs, numbers, hex of 16+ characters (event ids, ingest keys). */
const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[0-9a-f]{16,})$/i;
/** What the app's own static segments look like (`api`, `v1`, `password-resets`, `openapi.json`). */
const WORD_SEGMENT = /^[a-z][a-z0-9._-]{0,39}$/;

/**
 * A request's path as a low-cardinality route for logs and error reports: ids become `:id`, and so
 * does every segment that is not a plain lowercase word (a link token such as an invitation's or a
 * password reset's is a credential and must never reach a log). Never the query string.
 */
export function routeOf(url: string): string {
  let path: string;
  try {
    path = new URL(url, "http://localhost").pathname;
  } catch {
    return "(unparsable)";
  }
  return path
    .split("/")
    .map((segment) => (segment === "" || (WORD_SEGMENT.test(segment) && !ID_SEGMENT.test(segment)) ? segment : ":id"))
    .join("/")
    .slice(0, 200);
}
