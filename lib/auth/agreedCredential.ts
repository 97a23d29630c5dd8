import { ApiError } from "@/lib/http/ApiError";

/** A key a request names, and where: `header X-Faultline-Key`, `query sentry_key`, `envelope dsn`… */
export interface NamedCredential {
  value: string;
  field: string;
}

/**
 * The one key a request names, wherever it names it (undefined when none): a request naming two
 * different keys — a header and the query string, the Sentry auth header and the envelope's DSN, a
 * header sent twice — is refused with 400 naming the fields, whichever of them would be valid
 * (Sentry's relay refuses differing auth payloads too). Which one was meant cannot be known, and
 * letting one win would let a request pass with a key beside one it was refused for. The same key
 * named in several places is fine.
 */
export function agreedCredential(named: readonly NamedCredential[]): string | undefined {
  if (named.length === 0) return undefined;
  const first = named[0].value;
  if (named.every((n) => n.value === first)) return first;
  const fields = [...new Set(named.map((n) => n.field))];
  throw new ApiError(400, "conflicting_credentials", `the request names different keys (${fields.join(", ")}): send one key, or the same key in each place`, { fields });
}

/** Each value of a header that may have been sent more than once (node:http and Fetch join repeats with ", "). */
export function headerValues(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}
