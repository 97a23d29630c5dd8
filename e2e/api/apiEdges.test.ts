import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/e2e/support/childProcess";
import { query } from "@/e2e/support/dbCounts";
import { envelope, errorEvent, newEventId } from "@/e2e/support/envelopes";
import { BASE_URL, createTenant, login, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { serverEnv } from "@/scripts/serverProcess.mjs";

/**
 * The edges of the API a hostile client probes: unknown paths (any method) and methods a route
 * does not take are JSON errors in the API's shape — never Next.js's HTML page or empty body — and
 * the catch-all behind the first shadows no real route, with the ingest fast path on (the shared
 * app) or off (an instance of this file's own: the Next.js route handlers serve ingest). Large
 * native batches that could not be real are refused before they are parsed, in little time.
 */
let t: Tenant;
beforeAll(async () => {
  t = await createTenant("edges");
});

const send = (base: string, method: string, pathAndQuery: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}) =>
  fetch(`${base}${pathAndQuery}`, { method, ...init });

async function expectJsonError(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error: Record<string, unknown> };
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  return body.error;
}

const UNKNOWN: [string, string][] = [
  ["GET", "/api/v1/nope"],
  ["POST", "/api/zzz"],
  ["PUT", "/api/v1/errors/00000000-0000-0000-0000-000000000000/nope/deeper"],
  ["DELETE", "/api/1/nope/"],
  ["PATCH", "/api/v1"],
  ["OPTIONS", "/api/v1/nope"],
  ["PROPFIND", "/api/v1/nope"],
  ["GET", "/api"],
  ["POST", "/api/"],
  ["GET", "/api/v1/errors/x/events/y/z?q=1"],
];

describe("unknown /api paths: a JSON 404 naming the path, whatever the method", () => {
  for (const [method, target] of UNKNOWN) {
    it(`${method} ${target}`, async () => {
      const error = await expectJsonError(await send(BASE_URL, method, target), 404, "not_found");
      expect(error).toMatchObject({ field: "path", path: target.split("?")[0], method });
    });
  }

  it("HEAD: 404 without a body", async () => {
    const res = await send(BASE_URL, "HEAD", "/api/v1/nope");
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("");
  });

  it("shadows no real route: static, dynamic, the ingest endpoints and the Sentry paths with and without the slash", async () => {
    expect((await send(BASE_URL, "GET", "/api/health")).status).toBe(200);
    expect((await send(BASE_URL, "GET", "/api/openapi.json")).status).toBe(200);
    expect((await send(BASE_URL, "GET", "/api/v1/errors")).status).toBe(401);
    expect((await send(BASE_URL, "GET", "/api/embed/error-page/")).status).toBe(401);
    await expectRealIngest(BASE_URL, t);
  });
});

/** Every ingest door answers as itself (not the catch-all's 404). */
async function expectRealIngest(base: string, tenant: Tenant) {
  const events = await send(base, "POST", "/api/v1/events", { headers: { "content-type": "application/json", "x-faultline-key": tenant.key }, body: JSON.stringify({ type: "EdgeError" }) });
  expect(events.status, await events.clone().text()).toBe(202);
  for (const slash of ["/", ""]) {
    const id = newEventId();
    const res = await send(base, "POST", `/api/${tenant.projectPublicId}/envelope${slash}?sentry_key=${tenant.key}&sentry_version=7`, { body: new Uint8Array(envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }])) });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ id });
    const store = await send(base, "POST", `/api/${tenant.projectPublicId}/store${slash}?sentry_key=${tenant.key}`, { body: errorEvent(newEventId()) });
    expect(store.status).toBe(200);
  }
  const preflight = await send(base, "OPTIONS", `/api/${tenant.projectPublicId}/envelope/`, { headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" } });
  expect(preflight.status).toBe(204);
  const cron = await send(base, "GET", `/api/${tenant.projectPublicId}/cron/edge-job/${tenant.key}/?status=ok`);
  expect(cron.status, await cron.clone().text()).toBe(202);
  // A Sentry path of a project that does not exist is the envelope route's 404, not the catch-all's.
  const missing = await expectJsonError(await send(base, "POST", `/api/999999999/envelope/?sentry_key=${tenant.key}`, { body: "{}\n" }), 404, "not_found");
  expect(missing.message).toBe("unknown project");
}

describe("a method the route does not export: a JSON 405 naming it, with Allow", () => {
  const cases: [string, string, string][] = [
    ["DELETE", "/api/health", "GET, HEAD, OPTIONS"],
    ["POST", "/api/openapi.json", "GET, HEAD, OPTIONS"],
    ["GET", "/api/v1/events", "OPTIONS, POST"],
    ["PUT", "/api/v1/events?key=x", "OPTIONS, POST"],
    ["GET", "/api/1/envelope/", "OPTIONS, POST"],
    ["DELETE", "/api/1/store", "OPTIONS, POST"],
    ["PUT", "/api/v1/errors/00000000-0000-0000-0000-000000000000", "DELETE, GET, HEAD, OPTIONS, PATCH"],
    ["PROPFIND", "/api/health", "GET, HEAD, OPTIONS"],
  ];
  for (const [method, target, allow] of cases) {
    it(`${method} ${target}`, async () => {
      const res = await send(BASE_URL, method, target);
      expect(res.headers.get("allow")).toBe(allow);
      const error = await expectJsonError(res, 405, "method_not_allowed");
      expect(error).toMatchObject({ field: "method", method, allow: allow.split(", ") });
    });
  }

  it("leaves HEAD of a GET route and OPTIONS (Next's Allow) as they were", async () => {
    expect((await send(BASE_URL, "HEAD", "/api/health")).status).toBe(200);
    const options = await send(BASE_URL, "OPTIONS", "/api/health");
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});

/** A request with its path sent as written: fetch (like any URL parser) would resolve `.`, `..` and `%2e` segments first. */
function rawRequest(base: string, method: string, rawPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path: rawPath, headers: { "content-length": "0" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("dot segments: paths holding them are a JSON 400, and events cannot take an id of dots", () => {
  const cases: [string, string][] = [
    ["DELETE", "/api/v1/errors/x/links/%2e%2e"],
    ["POST", "/api/%2e%2e/cron/a/b/"],
    ["GET", "/api/v1/errors/x/events/.."],
    ["GET", "/api/v1/errors/x/events/."],
    ["POST", "/api/v1/%2E/events"],
    ["GET", "/x/../api/health"],
  ];
  for (const [method, rawPath] of cases) {
    it(`${method} ${rawPath}`, async () => {
      const res = await rawRequest(BASE_URL, method, rawPath);
      expect(res.status, res.body.slice(0, 300)).toBe(400);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(JSON.parse(res.body)).toEqual({ error: { code: "bad_request", message: "the request path must not contain . or .. segments", field: "path" } });
    });
  }

  it("refuses an event id made only of dots with a 422 naming eventId; a batch keeps its other events", async () => {
    const post = (body: unknown) => send(BASE_URL, "POST", "/api/v1/events", { headers: { "content-type": "application/json", "x-faultline-key": t.key }, body: JSON.stringify(body) });
    for (const eventId of [".", ".."]) {
      const error = await expectJsonError(await post({ type: "E", eventId }), 422, "validation_failed");
      expect(error.issues).toEqual([{ path: "eventId", message: "must not be only dots" }]);
    }
    const batch = await post([{ type: "E", eventId: ".." }, { type: "E", eventId: "a..b" }]);
    expect(batch.status).toBe(202);
    expect(await batch.json()).toMatchObject({ accepted: [{ index: 1, eventId: "a..b", duplicate: false }], rejected: [{ index: 0, issues: [{ path: "events[0].eventId" }] }] });
  });
});

/** Raw bytes to the app (then the connection half-closed when `halfClose`), and its whole answer (the server closes the connection after a request it could not parse). */
function rawExchange(base: string, raw: string, halfClose = false): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("close", () => resolve(answer));
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" ? resolve(answer) : reject(error)));
    if (halfClose) socket.end(raw);
    else socket.write(raw);
  });
}

describe("requests node:http cannot parse: JSON errors, not its bare status line", () => {
  it("a URL over 16 KB (a long search query): 431 naming the problem, and the server goes on serving", async () => {
    const cookie = await login(t.member);
    const res = await fetch(`${BASE_URL}/api/v1/errors?workspaceId=${t.workspaceId}&query=${"message:x ".repeat(2000)}`, { headers: { cookie } });
    expect(res.headers.get("connection")).toBe("close");
    const error = await expectJsonError(res, 431, "request_header_fields_too_large");
    expect(error.message).toMatch(/exceed \d+ bytes: shorten the URL/);
    expect(JSON.stringify(error)).not.toContain("message:x");
    expect((await fetch(`${BASE_URL}/api/health`)).status).toBe(200);
  });

  it("a malformed request line or header: a JSON 400 that repeats none of the request", async () => {
    for (const raw of ["GET /api/health HTTP/1.1\r\nHost: x\r\nBroken header secret-value\r\n\r\n", "NOT-HTTP\r\n\r\n"]) {
      const answer = await rawExchange(BASE_URL, raw);
      const [head, body] = answer.split("\r\n\r\n");
      expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(head.toLowerCase()).toContain("content-type: application/json");
      expect(JSON.parse(body)).toEqual({ error: { code: "bad_request", message: expect.any(String) } });
      expect(body).not.toContain("secret-value");
    }
  });
});

describe("a body cut short by the client half-closing the connection", () => {
  it("is a 400 body_incomplete naming the body (Content-Length not reached, a chunked body without its last chunk)", async () => {
    for (const raw of [
      `POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Faultline-Key: ${t.key}\r\nContent-Length: 100\r\n\r\n{"type":"X"`,
      `POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Faultline-Key: ${t.key}\r\nTransfer-Encoding: chunked\r\n\r\nb\r\n{"type":"X"\r\n`,
    ]) {
      const [head, body] = (await rawExchange(BASE_URL, raw, true)).split("\r\n\r\n");
      expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(JSON.parse(body)).toMatchObject({ error: { code: "body_incomplete", field: "body" } });
    }
    expect((await fetch(`${BASE_URL}/api/health`)).status).toBe(200);
  });
});

describe("query parameters and bodies: what is at fault is named", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await login(t.admin);
  });
  const get = (path: string) => fetch(`${BASE_URL}${path}`, { headers: { cookie } });

  it("a scalar parameter sent twice is a 400 naming it (not the last one silently); a list filter may repeat", async () => {
    for (const [search, field] of [
      [`workspaceId=${t.workspaceId}&pageSize=1&pageSize=2`, "pageSize"],
      [`workspaceId=${t.workspaceId}&workspaceId=00000000-0000-0000-0000-000000000000`, "workspaceId"],
    ]) {
      const error = await expectJsonError(await get(`/api/v1/errors?${search}`), 400, "bad_request");
      expect(error).toEqual({ code: "bad_request", message: `query parameter ${field} is sent 2 times: send it once`, field });
    }
    const listed = await get(`/api/v1/errors?workspaceId=${t.workspaceId}&status=new&status=acknowledged&pageSize=5`);
    expect(listed.status, await listed.clone().text()).toBe(200);
    const notifications = await expectJsonError(await get("/api/v1/notifications?limit=1&limit=2"), 400, "bad_request");
    expect(notifications.field).toBe("limit");
  });

  it("an unknown body key is named as the field (a typo of a field is the usual one), each on its own", async () => {
    const patch = (body: unknown) => fetch(`${BASE_URL}/api/v1/projects/${t.projectId}`, { method: "PATCH", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
    const typo = await expectJsonError(await patch({ allowedOrigins: [], bogus: 1, naem: "x" }), 422, "validation_failed");
    expect(typo.issues).toEqual([
      { path: "bogus", message: 'Unrecognized key: "bogus"' },
      { path: "naem", message: 'Unrecognized key: "naem"' },
    ]);
  });

  it("a projectId of another workspace, or of none, is a 422 naming projectId on every list that narrows by project", async () => {
    const other = await createTenant("edges-other");
    const ws = `/api/v1/workspaces/${t.workspaceId}`;
    for (const projectId of [other.projectId, "0190eeee-0000-7000-8000-000000000000"]) {
      for (const path of [
        `${ws}/error-tracking?projectId=${projectId}`,
        `${ws}/releases?projectId=${projectId}`,
        `${ws}/monitors?projectId=${projectId}`,
        `${ws}/feedback?projectId=${projectId}`,
        `${ws}/alerts?projectId=${projectId}`,
        `${ws}/report?format=json&projectId=${projectId}`,
        `/api/v1/errors?workspaceId=${t.workspaceId}&projectId=${projectId}`,
        `/api/v1/errors?projectId=${projectId}`,
      ]) {
        const error = await expectJsonError(await get(path), 422, "validation_failed");
        expect(error.issues, path).toEqual([{ path: "projectId", message: expect.stringMatching(/^not a project of (this workspace|your workspaces)$/) }]);
      }
    }
    // Its own project narrows as before.
    for (const path of [`${ws}/releases?projectId=${t.projectId}`, `${ws}/alerts?projectId=${t.projectId}`, `/api/v1/errors?projectId=${t.projectId}`]) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it("a body that is not JSON is a 400 naming body; one over its limit a 413 naming body", async () => {
    const patch = (body: string) => fetch(`${BASE_URL}/api/v1/projects/${t.projectId}`, { method: "PATCH", headers: { cookie, "content-type": "application/json" }, body });
    expect(await expectJsonError(await patch('{"name": '), 400, "bad_request")).toEqual({ code: "bad_request", message: "body is not valid JSON", field: "body" });
    const tooLarge = await expectJsonError(await patch(JSON.stringify({ name: "x".repeat(300 * 1024) })), 413, "payload_too_large");
    expect(tooLarge).toMatchObject({ field: "body", limit: 256 * 1024 });
  });
});

describe("large native batches that could not be real are refused before they are parsed", () => {
  const post = (body: string) => send(BASE_URL, "POST", "/api/v1/events", { headers: { "content-type": "application/json", "x-faultline-key": t.key }, body });
  const MIB = 1024 * 1024;

  it("10 MiB of tiny or deeply nested values: 413 naming the field", async () => {
    for (const [body, field, bound] of [
      [`[${"1,".repeat(5 * MIB - 2)}1]`, "events", "values"],
      [`[${"{},".repeat(Math.floor((10 * MIB) / 3) - 2)}{}]`, "events", "containers"],
      [`${"[".repeat(5 * MIB)}${"]".repeat(5 * MIB)}`, "events[0]", "depth"],
      [`{"events":[{"type":"E"},${"[".repeat(2 * MIB)}${"]".repeat(2 * MIB)}]}`, "events[1]", "depth"],
    ] as const) {
      const error = await expectJsonError(await post(body), 413, "payload_too_large");
      expect(error).toMatchObject({ field, bound });
    }
  });

  it("refuses a body nested 5 million deep in about the time a 10 MiB body takes to arrive (parsing it took 4.7 s)", async () => {
    // Against a body of the same size refused as cheaply as a body can be after it is read (one
    // string: scanned and parsed in milliseconds, then 413 for its size): wall time on a shared
    // machine varies, the difference does not by seconds.
    const timed = async (body: string, field: string) => {
      const started = performance.now();
      const error = await expectJsonError(await post(body), 413, "payload_too_large");
      expect(JSON.stringify(error)).toContain(field);
      return performance.now() - started;
    };
    const baseline = await timed(`["${"x".repeat(10 * MIB - 10)}"]`, "events[0]");
    const deep = await timed(`${"[".repeat(5 * MIB)}${"]".repeat(5 * MIB)}`, "events[0]");
    expect(deep - baseline).toBeLessThan(2000);
  });

  it("a real 10 MiB batch of 1,000 events with structured traces passes and is stored", async () => {
    const frame = (i: number) => ({ function: `com.acme.shop.CheckoutService.placeOrder${i}`, module: "com.acme.shop", filename: `src/main/java/com/acme/shop/CheckoutService${i % 7}.java`, lineno: 100 + i, colno: 12, inApp: i % 3 === 0 });
    const body = JSON.stringify({
      events: Array.from({ length: 1000 }, (_, i) => ({
        eventId: `edge-batch-${i}`,
        type: "CheckoutError",
        message: `order ${i} failed`,
        tags: { region: "eu-west-1" },
        exceptions: [{ type: "CheckoutError", message: "order failed", stackTrace: Array.from({ length: 55 }, (_, k) => frame(k)) }],
      })),
    });
    expect(body.length).toBeGreaterThan(9.5 * MIB);
    const res = await post(body);
    expect(res.status, (await res.clone().text()).slice(0, 300)).toBe(202);
    expect((await res.json()).accepted).toHaveLength(1000);
    const [{ n }] = await query<{ n: string }>(`SELECT count(*) AS n FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "eventId" LIKE 'edge-batch-%'`, [t.projectId]);
    expect(Number(n)).toBe(1000);
  }, 120_000);
});

describe("with the ingest fast path off (FAULTLINE_FAST_PATH=0): Next.js's route handlers behind the catch-all", () => {
  let instance: ChildProcess | undefined;
  let base = "";
  let spoolDir = "";

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    spoolDir = path.join(os.tmpdir(), `faultline-edges-spool-${port}`);
    // Its background jobs off: it serves this file's requests only.
    const jobsOff = Object.fromEntries(
      ["ALERT_EVALUATOR_INTERVAL_MS", "ALERT_DELIVERY_INTERVAL_MS", "ALERT_OUTBOX_INTERVAL_MS", "TRIAGE_IGNORE_SWEEP_INTERVAL_MS", "MONITOR_SWEEP_INTERVAL_MS", "FORWARDING_INTERVAL_MS", "SESSION_CLEANUP_INTERVAL_MS"].map((name) => [name, "0"]),
    );
    instance = spawn(process.execPath, [path.resolve("scripts/server.mjs")], {
      env: serverEnv({ ...process.env, ...jobsOff, HOST: "127.0.0.1", PORT: String(port), FAULTLINE_FAST_PATH: "0", FAULTLINE_SPOOL_DIR: spoolDir }),
      stdio: "ignore",
    });
    await waitFor(async () => ((await fetch(`${base}/api/health`).catch(() => null))?.ok ? true : undefined), 120_000, 250);
  }, 180_000);

  afterAll(async () => {
    if (instance && instance.exitCode === null) {
      instance.kill("SIGTERM");
      await new Promise((resolve) => instance!.once("exit", resolve));
    }
    if (spoolDir) fs.rmSync(spoolDir, { recursive: true, force: true });
  });

  it("serves every ingest door from its route, and unknown paths and wrong methods as JSON", async () => {
    await expectRealIngest(base, t);
    await expectJsonError(await send(base, "GET", "/api/v1/nope"), 404, "not_found");
    await expectJsonError(await send(base, "POST", "/api/1/nope/"), 404, "not_found");
    const wrong = await send(base, "GET", "/api/v1/events");
    expect(wrong.headers.get("allow")).toBe("OPTIONS, POST");
    await expectJsonError(wrong, 405, "method_not_allowed");
    await expectJsonError(await send(base, "GET", `/api/v1/errors?query=${"x".repeat(20_000)}`), 431, "request_header_fields_too_large");
  });
});
