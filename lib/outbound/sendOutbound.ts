import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { TLSSocket } from "node:tls";
import { BAD_PORTS } from "@/lib/outbound/badPorts";
import { bareHost, deniedLiteral } from "@/lib/outbound/deniedAddress";
import { envOutboundPolicy } from "@/lib/outbound/envOutboundPolicy";
import { guardedLookup } from "@/lib/outbound/guardedLookup";
import { OutboundDeniedError } from "@/lib/outbound/OutboundDeniedError";
import type { OutboundPolicy } from "@/lib/outbound/outboundPolicy";

export type OutboundMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

export interface OutboundRequest {
  url: string;
  method: OutboundMethod;
  headers: Record<string, string>;
  body?: string;
  /** Bound on the whole exchange, redirects included, up to the response's head. */
  timeoutMs: number;
  /** Redirects followed (as fetch does: GET after a 303 unless HEAD, or a 301/302 answering a POST; else the same method and body); 0: a 3xx is the answer. */
  maxRedirects?: number;
  /** Accept an https certificate that does not verify (an uptime check of an internal endpoint, opted into). */
  acceptInvalidCertificates?: boolean;
  /** Read the final answer's body up to this many bytes (as text); unset: the body is not read. */
  bodyLimit?: number;
  /** The instance's policy unless a test gives its own. */
  policy?: OutboundPolicy;
}

export interface OutboundResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** The body's first `bodyLimit` bytes, decoded as UTF-8, when asked for. */
  body?: string;
  /** When the https server's certificate expires (the final hop's). */
  certificateValidTo?: Date;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The only request headers a redirect to another origin keeps. */
const CROSS_ORIGIN_HEADERS = new Set(["user-agent", "accept"]);
const DRAIN_LIMIT = 64 * 1024;
const DRAIN_MS = 5_000;

/**
 * Keep-alive connections per policy (a connection was checked when it was made: one made under
 * another policy, as a test may use, is never handed out under this one). 16 sockets per receiver.
 */
const agents = new WeakMap<OutboundPolicy, { http: HttpAgent; https: HttpsAgent }>();

function agentsFor(policy: OutboundPolicy): { http: HttpAgent; https: HttpsAgent } {
  let pair = agents.get(policy);
  if (!pair) {
    // Idle sockets close after 4 s, before a receiver's own keep-alive timeout (5 s in Node) can race a reuse.
    const options = { keepAlive: true, maxSockets: 16, maxFreeSockets: 4, timeout: 4_000 };
    pair = { http: new HttpAgent(options), https: new HttpsAgent(options) };
    agents.set(policy, pair);
  }
  return pair;
}

/**
 * Every request Faultline makes to a URL a user configured (webhooks, chat, PagerDuty, forwarding,
 * uptime checks) goes through here: each hop's address is checked against the outbound policy (an
 * IP in the URL before connecting, a host name's addresses as they are resolved for the socket), so
 * a URL cannot reach the instance's metadata service or, when denied, its private network — nor be
 * redirected there. Of the response, callers get its status and headers, and at most `bodyLimit`
 * bytes of its body; the rest is discarded (a small body lets its keep-alive connection be reused, a
 * large one closes it), so a hostile receiver cannot stream into the server's memory.
 * Throws OutboundDeniedError, a network error, or an AbortError (TimeoutError) past `timeoutMs`.
 */
export async function sendOutbound(req: OutboundRequest): Promise<OutboundResponse> {
  const policy = req.policy ?? envOutboundPolicy();
  const signal = AbortSignal.timeout(req.timeoutMs);
  let url = new URL(req.url);
  let method = req.method;
  let body = req.body;
  let headers = req.headers;
  for (let hop = 0; ; hop++) {
    const res = await exchange(url, { method, headers, body, rejectUnauthorized: !req.acceptInvalidCertificates }, policy, signal);
    const location = res.headers.location;
    const follow = REDIRECTS.has(res.statusCode ?? 0) && location && hop < (req.maxRedirects ?? 0) && URL.canParse(location, url) ? new URL(location, url) : undefined;
    if (!follow || (follow.protocol !== "http:" && follow.protocol !== "https:")) return answer(res, req.bodyLimit, signal);
    res.destroy();
    if ((res.statusCode === 303 && method !== "HEAD" && method !== "GET") || ((res.statusCode === 301 || res.statusCode === 302) && method === "POST")) {
      method = "GET";
      body = undefined;
    }
    // Credentials a setting added (Authorization, an API key) stay with the origin they were set for.
    if (follow.origin !== url.origin) headers = Object.fromEntries(Object.entries(headers).filter(([name]) => CROSS_ORIGIN_HEADERS.has(name.toLowerCase())));
    url = follow;
  }
}

async function answer(res: IncomingMessage, bodyLimit: number | undefined, signal: AbortSignal): Promise<OutboundResponse> {
  const validTo = (res.socket as Partial<TLSSocket> | null)?.getPeerCertificate?.()?.valid_to;
  const certificateValidTo = validTo ? new Date(validTo) : undefined;
  const head = {
    status: res.statusCode ?? 0,
    statusText: res.statusMessage ?? "",
    headers: res.headers,
    ...(certificateValidTo && !Number.isNaN(certificateValidTo.getTime()) && { certificateValidTo }),
  };
  if (bodyLimit === undefined) {
    discard(res);
    return head;
  }
  try {
    return { ...head, body: await readText(res, bodyLimit, signal) };
  } finally {
    if (!res.complete) res.destroy();
  }
}

/**
 * Lets a small body finish in the background, so its keep-alive connection serves the next request
 * to the same receiver (a TLS handshake per forwarded event would cost more than the event); a body
 * past DRAIN_LIMIT, or one that has not ended within DRAIN_MS, closes the connection instead. The
 * answer does not wait for it: a receiver that sends its status and then stalls is still answered.
 */
function discard(res: IncomingMessage): void {
  let size = 0;
  const timer = setTimeout(() => res.destroy(), DRAIN_MS).unref();
  res.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > DRAIN_LIMIT) res.destroy();
  });
  res.on("close", () => clearTimeout(timer));
  res.on("error", () => undefined);
}

/** The first `limit` bytes of a body as UTF-8 text (the rest is not read); rejects when `signal` aborts first. */
function readText(res: IncomingMessage, limit: number, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve(new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limit)));
    };
    const onAbort = () => settle(signal.reason instanceof Error ? signal.reason : new DOMException("timed out", "TimeoutError"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    res.on("data", (chunk: Buffer) => {
      if (settled) return;
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) settle();
    });
    res.on("end", () => settle());
    res.on("error", (error) => settle(error));
  });
}

interface Exchange {
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  rejectUnauthorized: boolean;
}

function exchange(url: URL, { method, headers, body, rejectUnauthorized }: Exchange, policy: OutboundPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  const host = bareHost(url.hostname);
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  if (BAD_PORTS.has(port)) return Promise.reject(new OutboundDeniedError(`port ${port} belongs to another protocol (the Fetch Standard's bad ports)`));
  const denied = deniedLiteral(host, policy);
  if (denied) return Promise.reject(denied);
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(
      url,
      {
        method,
        headers: { ...headers, ...(body !== undefined && { "content-length": String(Buffer.byteLength(body)) }) },
        lookup: guardedLookup(policy),
        // The agent keeps connections that skipped verification apart from those that did not.
        agent: agentsFor(policy)[url.protocol === "https:" ? "https" : "http"],
        ...(url.protocol === "https:" && { rejectUnauthorized }),
        signal,
      },
      resolve,
    );
    request.on("error", reject);
    request.end(body);
  });
}
