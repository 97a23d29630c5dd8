/** Query parameters whose values never leave the app: tokens, OAuth codes, keys, passwords, signatures… */
const SECRET_PARAM = /token|code|key|pass|secret|auth|sig|session|jwt|credential/i;

export const FILTERED = "[Filtered]";

/**
 * A URL or path with the values of secret-looking query (and fragment) parameters replaced by
 * "[Filtered]" — `/reset?token=abc&step=2` → `/reset?token=[Filtered]&step=2` — the rest as it was.
 */
export function scrubUrl(url: string): string {
  const query = url.indexOf("?");
  const fragment = url.indexOf("#");
  const start = query >= 0 && (fragment < 0 || query < fragment) ? query : fragment;
  if (start < 0) return url;
  const head = url.slice(0, start);
  // The query then the fragment (a fragment may carry an implicit-flow access_token).
  return head + url.slice(start).replace(/([?#&])([^=&#]*)=([^&#]*)/g, (pair, sep: string, name: string) => (SECRET_PARAM.test(decodeName(name)) ? `${sep}${name}=${FILTERED}` : pair));
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    return name;
  }
}
