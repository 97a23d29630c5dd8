/** Error thrown by apiFetch with the server's status and message. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The error body's other fields (`issues`, `mergedInto`…). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let isSigningOut = false;

/**
 * Called when the user signs out: from then on the tab's polling queries stop hitting the API
 * (each would be a 401 once the session is gone) until the page is replaced by the login screen.
 */
export function stopRequestsForSignOut(): () => void {
  isSigningOut = true;
  return () => {
    isSigningOut = false;
  };
}

export function isSignedOut(): boolean {
  return isSigningOut;
}

/** fetch for the dashboard: JSON in, JSON out, server errors surfaced as ApiRequestError. */
export async function apiFetch<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  if (isSigningOut && !url.startsWith("/api/v1/auth/")) throw new ApiRequestError(401, "signed out");
  const { json, ...rest } = init ?? {};
  const res = await fetch(url, {
    ...rest,
    headers: { ...(json !== undefined && { "content-type": "application/json" }), ...rest.headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
    credentials: "same-origin",
  });
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const { message, ...details } = (body as { error?: { message?: string } } | null)?.error ?? {};
    throw new ApiRequestError(res.status, message ?? `request failed (${res.status})`, details);
  }
  return body as T;
}
