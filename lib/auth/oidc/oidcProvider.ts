import type { JsonWebKey } from "node:crypto";
import { trimSlash } from "@/lib/auth/oidc/idToken";
import { ApiError } from "@/lib/http/ApiError";

export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  /** How the token endpoint takes the client secret; absent means client_secret_basic. */
  token_endpoint_auth_methods_supported?: string[];
}

const TTL_MS = 10 * 60_000;
const TIMEOUT_MS = 10_000;
// Per instance, and only a cache: every instance fetches the same documents itself.
const documents = new Map<string, { at: number; value: unknown }>();

/** The provider's discovery document (`<issuer>/.well-known/openid-configuration`), cached 10 minutes. */
export async function providerMetadata(issuer: string): Promise<ProviderMetadata> {
  const url = `${trimSlash(issuer)}/.well-known/openid-configuration`;
  const doc = (await fetchJson(url)) as Partial<ProviderMetadata>;
  for (const field of ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"] as const) {
    if (typeof doc[field] !== "string") throw providerError(`its discovery document has no ${field}`);
  }
  if (trimSlash(doc.issuer!) !== trimSlash(issuer)) throw providerError(`its discovery document names issuer ${doc.issuer}, not OIDC_ISSUER ${issuer}`);
  return doc as ProviderMetadata;
}

/** The provider's signing keys; `refresh` skips the cache (a token names a key not seen yet: rotated). */
export async function providerKeys(jwksUri: string, refresh = false): Promise<JsonWebKey[]> {
  const doc = (await fetchJson(jwksUri, refresh)) as { keys?: unknown };
  if (!Array.isArray(doc.keys)) throw providerError("its key set (jwks_uri) has no keys");
  return doc.keys as JsonWebKey[];
}

async function fetchJson(url: string, refresh = false): Promise<unknown> {
  const cached = documents.get(url);
  if (!refresh && cached && Date.now() - cached.at < TTL_MS) return cached.value;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" }, redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw providerError(`${url} did not answer (${(error as Error).message})`);
  }
  if (!res.ok) throw providerError(`${url} answered HTTP ${res.status}`);
  const value: unknown = await res.json().catch(() => null);
  if (typeof value !== "object" || value === null) throw providerError(`${url} did not answer JSON`);
  documents.set(url, { at: Date.now(), value });
  return value;
}

/** The provider cannot be used right now: 502, naming what went wrong (the sign-in page shows it). */
export function providerError(message: string): ApiError {
  return new ApiError(502, "sso_provider_error", `the single sign-on provider cannot be used: ${message}`);
}
