import http from "node:http";
import { unavailableRenders } from "@/lib/lifecycle/unavailableRenders";

const patched = Symbol.for("faultline.unavailablePageStatus");
type WriteHead = typeof http.ServerResponse.prototype.writeHead;

/**
 * A page whose server render failed because PostgreSQL is unavailable is answered 503 with
 * `Retry-After: 5` instead of Next.js's 500 (the page itself is app/error.tsx's "Database
 * unavailable", which reloads once the database answers): proxies and monitors read a 503 as
 * temporary. Next.js has no way for a page to set that status, so the one place every response
 * passes — node:http's writeHead, which the first write calls too — swaps a 500 for a 503 when
 * onRequestError noted the request (lib/lifecycle/unavailableRenders.ts). Any other response: one
 * comparison. Installed once per process (lib/lifecycle/startInstance.ts), with the fast path's server
 * (scripts/server.mjs) and Next.js's standalone server alike.
 */
export function answerUnavailablePages503(): void {
  const proto = http.ServerResponse.prototype as typeof http.ServerResponse.prototype & { [patched]?: true };
  if (proto[patched]) return;
  proto[patched] = true;
  const writeHead: WriteHead = proto.writeHead;
  proto.writeHead = function (this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && this.req && unavailableRenders().has(this.req.headers)) {
      statusCode = 503;
      if (typeof rest[0] === "string") rest[0] = "Service Unavailable";
      this.setHeader("retry-after", "5");
    }
    return (writeHead as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse).call(this, statusCode, ...rest);
  } as WriteHead;
}
