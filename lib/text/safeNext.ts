/** A `next` parameter that stays on this site (`/path`, never `//host`, `/\host` or a full URL), else `/`. */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
