const HERE = "http://faultline.invalid";

/**
 * A `next` parameter that stays on this site, else `/`. Read the way a browser reads it (the URL
 * parser drops tabs and newlines and treats `\` as `/`, so `/\t/evil.example` and `/\evil.example`
 * are other hosts), and returned as the parsed path, query and fragment: a relative path on this
 * origin, never `//host`, a full URL or a `javascript:` one.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return "/";
  }
  // The parsed path can itself start with `//` (`/.//evil.example`), which is another host again.
  if (url.origin !== HERE || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
