import { getClient } from "../core/hub.js";
import { scrubUrl } from "./scrubUrl.js";

/** The request as Next.js passes it to `onRequestError`. */
export interface NextRequestInfo {
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Where the error happened, as Next.js passes it to `onRequestError`. */
export interface NextErrorContext {
  routerKind: string;
  routePath: string;
  routeType: string;
  renderSource?: string;
  revalidateReason?: string;
  renderType?: string;
}

/** Request headers worth keeping; cookies, authorization, keys and client addresses never leave. */
const KEPT_HEADERS = ["user-agent", "referer", "accept", "accept-language", "content-type", "host", "x-request-id", "next-router-state-tree", "rsc"];
/** Kept headers that hold a URL: their secret-looking query parameters are filtered like the path's. */
const URL_HEADERS = new Set(["referer"]);

/**
 * Reports an error Next.js caught while handling a request. Use it as the `onRequestError` export
 * of `instrumentation.ts`:
 *
 *   export { onRequestError } from "@faultline/client/next";
 *
 * (with `init` called in `register()`). The route, method and router kind become tags. The values
 * of secret-looking query parameters (token, code, key, password, secret, auth, sig, session…) of
 * the path and the referer are sent as "[Filtered]".
 */
export async function onRequestError(error: unknown, request: NextRequestInfo, context: NextErrorContext): Promise<void> {
  const client = getClient();
  if (!client) return;
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = request.headers?.[name];
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    headers[name] = URL_HEADERS.has(name) ? scrubUrl(text) : text;
  }
  const digest = (error as { digest?: unknown } | null)?.digest;
  client.captureException(error, {
    severity: "high",
    tags: {
      handled: "no",
      mechanism: "next.onRequestError",
      route: context.routePath,
      routeType: context.routeType,
      routerKind: context.routerKind,
      method: request.method,
      ...(context.renderSource && { renderSource: context.renderSource }),
    },
    context: {
      request: { path: typeof request.path === "string" ? scrubUrl(request.path) : request.path, method: request.method, headers },
      next: { ...context, ...(typeof digest === "string" && { digest }) },
    },
  });
}

/** Same as onRequestError, by the name other SDKs use. */
export const captureRequestError = onRequestError;
