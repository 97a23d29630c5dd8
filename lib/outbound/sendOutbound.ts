import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { BAD_PORTS } from "@/lib/outbound/badPorts";
import { envOutboundPolicy } from "@/lib/outbound/envOutboundPolicy";
import { guardedLookup } from "@/lib/outbound/guardedLookup";
import { OutboundDeniedError } from "@/lib/outbound/OutboundDeniedError";
import type { OutboundPolicy } from "@/lib/outbound/outboundPolicy";

export interface OutboundRequest {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /** Bound on the whole exchange, redirects included, up to the response's head. */
  timeoutMs: number;
  /** Redirects followed (GET after a 303, or a 301/302 answering a POST); 0: a 3xx is the answer. */
  maxRedirects?: number;
  /** The instance's policy unless a test gives its own. */
  policy?: OutboundPolicy;
}

export interface OutboundResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Every request Faultline makes to a URL a user configured (webhooks, chat, PagerDuty, forwarding,
 * uptime checks) goes through here: each hop's address is checked against the outbound policy (an
 * IP in the URL before connecting, a host name's addresses as they are resolved for the socket), so
 * a URL cannot reach the instance's metadata service or, when denied, its private network — nor be
 * redirected there. The response's body is not read (it is discarded with the connection): callers
 * need its status and headers only, and a hostile receiver cannot stream into the server's memory.
 * Throws OutboundDeniedError, a network error, or an AbortError (TimeoutError) past `timeoutMs`.
 */
export async function sendOutbound(req: OutboundRequest): Promise<OutboundResponse> {
  const policy = req.policy ?? envOutboundPolicy();
  const signal = AbortSignal.timeout(req.timeoutMs);
  let url = new URL(req.url);
  let method = req.method;
  let body = req.body;
  for (let hop = 0; ; hop++) {
    const res = await exchange(url, method, req.headers, body, policy, signal);
    const location = res.headers.location;
    if (!REDIRECTS.has(res.status) || !location || hop >= (req.maxRedirects ?? 0)) return res;
    const next = new URL(location, url);
    if (next.protocol !== "http:" && next.protocol !== "https:") return res;
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === "POST")) {
      method = "GET";
      body = undefined;
    }
    url = next;
  }
}

function exchange(url: URL, method: string, headers: Record<string, string>, body: string | undefined, policy: OutboundPolicy, signal: AbortSignal): Promise<OutboundResponse> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  if (BAD_PORTS.has(port)) return Promise.reject(new OutboundDeniedError(`port ${port} belongs to another protocol (the Fetch Standard's bad ports)`));
  if (isIP(host)) {
    const reason = policy.deniedReason(host);
    if (reason) return Promise.reject(OutboundDeniedError.address(host, reason));
  }
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(
      url,
      {
        method,
        headers: { ...headers, ...(body !== undefined && { "content-length": String(Buffer.byteLength(body)) }) },
        lookup: guardedLookup(policy),
        agent: false,
        signal,
      },
      (res) => {
        resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", headers: res.headers });
        res.destroy();
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
