import { ApiError } from "@/lib/http/ApiError";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Ingest endpoints are called cross-origin by design and authenticate with a key, not a cookie. */
const EXEMPT_PATHS = ["/api/v1/events", "/api/v1/executions"];

/**
 * CSRF protection for the dashboard API (cookie sessions): a state-changing request (POST, PUT,
 * PATCH, DELETE) is refused with 403 when the browser says it comes from another site:
 *  - `Sec-Fetch-Site` (sent by every current browser): only `same-origin` (and `none`, a user action
 *    such as a bookmark) pass;
 *  - otherwise `Origin`: it must name this server (its Host / X-Forwarded-Host, or PUBLIC_URL).
 * Requests with neither header are not from a browser page (curl, scripts) and pass: browsers
 * always send Origin on cross-origin unsafe requests. Requests authenticated with an ingest key
 * (X-Faultline-Key or Authorization: Bearer) are exempt: a cross-site page cannot set those headers
 * without a CORS preflight, which the dashboard API never grants. The session cookie is also
 * SameSite=Lax, a second barrier for older browsers.
 */
export function assertSameOrigin(req: Request, publicUrl = process.env.PUBLIC_URL): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  if (req.headers.has("x-faultline-key") || /^bearer\s/i.test(req.headers.get("authorization") ?? "")) return;
  const path = new URL(req.url).pathname.replace(/\/+$/, "");
  if (EXEMPT_PATHS.includes(path)) return;

  const site = req.headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (site) {
    if (site === "same-origin" || site === "none") return;
    throw crossSite(`Sec-Fetch-Site is ${site.slice(0, 20)}`);
  }
  const origin = req.headers.get("origin")?.trim();
  if (!origin) return;
  if (!ownHosts(req, publicUrl).includes(hostOf(origin) ?? "")) throw crossSite("Origin does not match this server");
}

function crossSite(reason: string): ApiError {
  return new ApiError(403, "cross_site_request", `cross-site request refused (${reason})`);
}

function ownHosts(req: Request, publicUrl: string | undefined): string[] {
  const hosts = [req.headers.get("x-forwarded-host")?.split(",")[0].trim(), req.headers.get("host")?.trim(), hostOf(req.url)];
  if (publicUrl) hosts.push(hostOf(publicUrl));
  return hosts.filter((h): h is string => Boolean(h)).map((h) => h.toLowerCase());
}

function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
