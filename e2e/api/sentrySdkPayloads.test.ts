import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, createTenant, getJson, login, type Tenant } from "@/e2e/support/tenant";

/**
 * What other languages' official Sentry SDKs really send, replayed: recorded from sentry-python,
 * sentry-ruby, sentry-go and the legacy raven-go and raven-ruby (gzip store and envelope bodies,
 * base64-of-zlib store bodies, protocol versions 4 to 7; e2e/fixtures/sentry-sdks, with the
 * programs that sent them). Each SDK reports into a project of its own; the recorded DSN key is
 * replaced by the project's in the auth header and an envelope's header.
 */
interface Recording {
  requests: { method: string; path: string; headers: Record<string, string>; body: string }[];
}

const RECORDED_KEY = "0123456789abcdef0123456789abcdef";
const fixtures = path.join(import.meta.dirname, "..", "fixtures", "sentry-sdks");

interface Issue {
  errorId: string;
  type: string;
  message: string;
  severity: string;
  culprit: string | null;
  platform: string | null;
}

async function replay(file: string): Promise<{ tenant: Tenant; cookie: string; issues: Issue[] }> {
  const tenant = await createTenant(`sdk-${file.slice(0, 12)}`);
  const cookie = await login(tenant.admin);
  const recording = JSON.parse(fs.readFileSync(path.join(fixtures, `${file}.json`), "utf8")) as Recording;
  for (const request of recording.requests) {
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, v.replaceAll(RECORDED_KEY, tenant.key)]));
    const res = await fetch(`${BASE_URL}${request.path.replace(/^\/api\/1\//, `/api/${tenant.projectPublicId}/`)}`, {
      method: request.method,
      headers,
      body: new Uint8Array(withKey(Buffer.from(request.body, "base64"), request.headers["content-encoding"], request.path, tenant)),
    });
    expect(res.status, `${request.path} (${request.headers["user-agent"]}): ${res.status === 200 ? "" : await res.text()}`).toBe(200);
  }
  const list = await getJson(`/api/v1/errors?workspaceId=${tenant.workspaceId}&projectId=${tenant.projectId}&pageSize=50`, { cookie });
  expect(list.status).toBe(200);
  return { tenant, cookie, issues: (await list.json()).items };
}

/**
 * An envelope with the recorded key and project replaced in its header (its dsn must name the
 * request's key); payloads stay byte for byte, since items declare their length. Store bodies and
 * raven's base64 of zlib are sent as recorded (their key travels in X-Sentry-Auth).
 */
function withKey(body: Buffer, encoding: string | undefined, path: string, tenant: Tenant): Buffer {
  if (!path.includes("/envelope/") || (encoding && encoding !== "gzip")) return body;
  const text = (encoding === "gzip" ? zlib.gunzipSync(body) : body).toString("latin1");
  const end = text.indexOf("\n");
  const header = text.slice(0, end).replaceAll(RECORDED_KEY, tenant.key).replace(/(@127\.0\.0\.1:\d+)\/1"/g, `$1/${tenant.projectPublicId}"`);
  const swapped = Buffer.from(header + text.slice(end), "latin1");
  return encoding === "gzip" ? zlib.gzipSync(swapped) : swapped;
}

function byType(issues: Issue[], type: string): Issue {
  const found = issues.filter((i) => i.type === type);
  expect(found, `one ${type} issue among ${issues.map((i) => i.type).join(", ")}`).toHaveLength(1);
  return found[0];
}

async function latestEvent(issue: Issue, cookie: string) {
  const res = await getJson(`/api/v1/errors/${issue.errorId}/events/latest`, { cookie });
  expect(res.status).toBe(200);
  return res.json();
}

describe("payloads recorded from other languages' Sentry SDKs", () => {
  let python: Awaited<ReturnType<typeof replay>>;
  let ruby: Awaited<ReturnType<typeof replay>>;
  let go: Awaited<ReturnType<typeof replay>>;
  let ravenGo: Awaited<ReturnType<typeof replay>>;
  let ravenRuby: Awaited<ReturnType<typeof replay>>;

  beforeAll(async () => {
    [python, ruby, go, ravenGo, ravenRuby] = await Promise.all(
      ["sentry-python-1.9.10", "sentry-ruby-5.3.0", "sentry-go-0.11.0", "raven-go-0.2.0", "raven-ruby-3.1.2"].map(replay),
    );
  });

  it("sentry-python (gzip store events, a gzip transaction envelope): chain, logged message, scrubbed locals", async () => {
    // Five errors and messages; the transaction opens no issue.
    expect(python.issues.map((i) => i.type).sort()).toEqual(["ExceptionGroup", "KeyError", "Message", "RuntimeError", "ZeroDivisionError"]);
    const runtime = await latestEvent(byType(python.issues, "RuntimeError"), python.cookie);
    expect(runtime.exceptions.map((e: { type: string; relation: string }) => [e.type, e.relation])).toEqual([
      ["RuntimeError", "raised"],
      ["FileNotFoundError", "cause"],
    ]);
    expect(byType(python.issues, "RuntimeError").culprit).toBe("py.py in start");

    const logged = await latestEvent(byType(python.issues, "KeyError"), python.cookie);
    expect(logged.log).toEqual({ message: "billing lookup failed for acct-9", logger: "billing" });
    expect(logged.tags).toEqual(expect.arrayContaining([["logger", "billing"], ["mechanism", "logging"], ["handled", "yes"], ["region", "eu-west"]]));

    const message = byType(python.issues, "Message");
    expect([message.message, message.severity]).toEqual(["disk almost full", "medium"]);

    // 1.9.10 predates the SDK's exception-group support: the group alone, with its own frames.
    const group = await latestEvent(byType(python.issues, "ExceptionGroup"), python.cookie);
    expect([group.exceptions.length, group.exceptions[0].value]).toEqual([1, "several failed (2 sub-exceptions)"]);

    const division = await latestEvent(byType(python.issues, "ZeroDivisionError"), python.cookie);
    const text = JSON.stringify(division);
    expect(text).not.toContain("correct-horse-battery");
    expect(text).not.toContain("fake-session-token-0001");
    expect(division.exceptions[0].frames.at(-1)).toMatchObject({ function: "with_secret", inApp: true, language: "python" });
  });

  it("sentry-ruby (plain envelopes): the cause, messages without error_highlight's picture, a culprit outside the SDK", async () => {
    const io = await latestEvent(byType(ruby.issues, "IOError"), ruby.cookie);
    expect(io.exceptions.map((e: { type: string }) => e.type)).toEqual(["IOError", "ArgumentError"]);
    expect(byType(ruby.issues, "NoMethodError").message).toBe("undefined method `upcase' for nil:NilClass");
    const message = byType(ruby.issues, "Message");
    expect([message.message, message.culprit]).toEqual(["cache miss storm", "rb.rb in <main>"]);
  });

  it("sentry-go (store events with sentry_timestamp): wrapped errors as a chain, messages, a recovered panic as fatal", async () => {
    const wrapped = await latestEvent(byType(go.issues, "*fmt.wrapError"), go.cookie);
    expect(wrapped.exceptions.map((e: { value: string }) => e.value)).toEqual([
      "handle: load order A-17: connection refused",
      "load order A-17: connection refused",
      "connection refused",
    ]);
    expect(byType(go.issues, "Message").message).toBe("queue depth above threshold");
    const panic = byType(go.issues, "runtime.plainError");
    expect([panic.message, panic.severity, panic.platform]).toEqual(["assignment to entry in nil map", "critical", "go"]);
  });

  it("raven-go and raven-ruby (protocol 4 and 5, base64 of zlib bodies)", async () => {
    expect(ravenGo.issues.map((i) => i.type).sort()).toEqual(["*errors.errorString", "Message", "runtime.errorString"]);
    expect(byType(ravenGo.issues, "*errors.errorString").message).toBe("upstream timeout after 30s");
    expect(byType(ravenGo.issues, "runtime.errorString").culprit).toContain("main.go");
    expect(ravenRuby.issues.map((i) => i.type).sort()).toEqual(["Message", "NameError"]);
    expect(byType(ravenRuby.issues, "NameError").message).toBe("undefined local variable or method `foo'");
  });
});
