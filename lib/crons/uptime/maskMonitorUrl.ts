import { MASK } from "@/lib/alerts/channels/maskSecrets";
import { isSensitiveKey } from "@/lib/ingest/scrub";
import { urlEndpoint } from "@/lib/text/urlEndpoint";

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i;
const ENCODED_MASK = encodeURIComponent(MASK);
/** Signed URLs (S3 presigned, Azure SAS, GCS): the signature grants access like a token. */
const SIGNATURE = /(?:^|[_.-])(?:sig|signature)$/i;

/**
 * An uptime monitor's URL as every member sees it and the audit log keeps it: the userinfo
 * (`user:password@`) and the values of query parameters whose names say secret (`api_key`, `token`,
 * `signature`… — the scrubber's list) masked; host, path and other parameters as set.
 */
export function maskMonitorUrl(url: string): string {
  const parts = splitUrl(url.replace(USERINFO, `$1${MASK}@`));
  if (parts.query === null) return url.replace(USERINFO, `$1${MASK}@`);
  const query = parts.query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      return eq > 0 && eq < pair.length - 1 && isSecretParameter(decodeName(pair.slice(0, eq))) ? `${pair.slice(0, eq + 1)}${MASK}` : pair;
    })
    .join("&");
  return `${parts.base}?${query}${parts.fragment}`;
}

/**
 * A URL sent back from an edit form, with the masked parts it was shown put back from the stored one:
 * a masked userinfo, and each masked parameter value by its name's place among the stored
 * parameters of that name. Only on the same scheme, host and port: secrets are never carried to
 * another host. A mask with nothing stored to stand for stays as typed (and fails the check's
 * request, visibly).
 */
export function restoreMaskedUrl(next: string, stored: string): string {
  if (urlEndpoint(next) !== urlEndpoint(stored)) return next;
  const storedInfo = USERINFO.exec(stored)?.[2];
  const url = next.replace(USERINFO, (whole, scheme: string, info: string) => (isMask(info) && storedInfo !== undefined ? `${scheme}${storedInfo}@` : whole));
  const parts = splitUrl(url);
  if (parts.query === null) return url;
  const storedValues = new Map<string, string[]>();
  for (const pair of splitUrl(stored).query?.split("&") ?? []) {
    const eq = pair.indexOf("=");
    if (eq > 0) storedValues.set(pair.slice(0, eq), [...(storedValues.get(pair.slice(0, eq)) ?? []), pair.slice(eq + 1)]);
  }
  const seen = new Map<string, number>();
  const query = parts.query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq <= 0) return pair;
      const name = pair.slice(0, eq);
      const nth = seen.get(name) ?? 0;
      seen.set(name, nth + 1);
      const original = storedValues.get(name)?.[nth];
      return isMask(pair.slice(eq + 1)) && original !== undefined ? `${name}=${original}` : pair;
    })
    .join("&");
  return `${parts.base}?${query}${parts.fragment}`;
}

function isSecretParameter(name: string): boolean {
  return isSensitiveKey(name) || SIGNATURE.test(name);
}

function isMask(value: string): boolean {
  return value === MASK || value === ENCODED_MASK || value.toUpperCase() === ENCODED_MASK;
}

function splitUrl(url: string): { base: string; query: string | null; fragment: string } {
  const hash = url.indexOf("#");
  const fragment = hash < 0 ? "" : url.slice(hash);
  const rest = hash < 0 ? url : url.slice(0, hash);
  const q = rest.indexOf("?");
  return q < 0 ? { base: rest, query: null, fragment } : { base: rest.slice(0, q), query: rest.slice(q + 1), fragment };
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    return name;
  }
}
