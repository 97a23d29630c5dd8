import { beforeAll, describe, expect, it } from "vitest";
import { envelope, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { createTenant, getJson, login, type Tenant } from "@/e2e/support/tenant";

let t: Tenant;
let cookie: string;

beforeAll(async () => {
  t = await createTenant("facts");
  cookie = await login(t.admin);
});

/** An exception a Python app logged with logger.exception(), as sentry-python's logging integration sends it. */
function loggedException(eventId: string, serverName: string) {
  return JSON.stringify({
    event_id: eventId,
    timestamp: Date.now() / 1000,
    platform: "python",
    level: "error",
    logger: "billing",
    logentry: { message: "billing lookup failed for %s", params: ["acct-9"], formatted: "billing lookup failed for acct-9" },
    server_name: serverName,
    transaction: "/invoices/{id}",
    request: { url: "https://billing.example.com/invoices/17?session=abc", method: "GET" },
    exception: {
      values: [
        {
          type: "KeyError",
          value: "'missing'",
          mechanism: { type: "logging", handled: true },
          stacktrace: { frames: [{ filename: "billing/lookup.py", module: "billing.lookup", function: "find_account", lineno: 41, in_app: true }] },
        },
      ],
    },
  });
}

describe("what a Sentry event says besides its exception", () => {
  it("shows the logged message and logger, and makes handled, mechanism, logger, server, transaction and URL tags to filter by", async () => {
    const id = newEventId();
    const res = await postRaw(
      sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}&sentry_version=7`),
      new Uint8Array(envelope({ event_id: id }, [{ type: "event", payload: loggedException(id, "web-facts-3") }])),
    );
    expect(res.status).toBe(200);

    const list = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent("server_name:web-facts-3 handled:yes")}`, { cookie });
    expect(list.status).toBe(200);
    const { items } = await list.json();
    expect(items).toHaveLength(1);
    expect(items[0].type).toBe("KeyError");
    const groupId: string = items[0].errorId;

    const none = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent("server_name:web-facts-3 handled:no")}`, { cookie });
    expect((await none.json()).items).toHaveLength(0);

    const event = await (await getJson(`/api/v1/errors/${groupId}/events/${id}`, { cookie })).json();
    expect(event.log).toEqual({ message: "billing lookup failed for acct-9", logger: "billing" });
    expect(event.tags).toEqual(
      expect.arrayContaining([
        ["handled", "yes"],
        ["mechanism", "logging"],
        ["logger", "billing"],
        ["server_name", "web-facts-3"],
        ["transaction", "/invoices/{id}"],
        ["url", "https://billing.example.com/invoices/17"],
      ]),
    );

    const tags = await (await getJson(`/api/v1/errors/${groupId}/tags`, { cookie })).json();
    const keys = tags.tags.map((tag: { key: string }) => tag.key);
    expect(keys).toEqual(expect.arrayContaining(["handled", "mechanism", "logger", "server_name", "transaction", "url"]));
  });

  it("keeps a frame's variables with secrets filtered, a native frame's address, and the server's request environment", async () => {
    const id = newEventId();
    const payload = JSON.stringify({
      event_id: id,
      platform: "python",
      request: { url: "https://billing.example.com/pay", method: "POST", env: { REMOTE_ADDR: "198.51.100.7", SERVER_NAME: "billing-2" } },
      exception: {
        values: [
          {
            type: "ValueError",
            value: "amount must be positive",
            stacktrace: {
              frames: [
                { instruction_addr: "0x55d4c2a1d6e8", package: "/opt/billing/bin/helper" },
                { filename: "billing/pay.py", function: "charge", lineno: 12, in_app: true, vars: { amount: -5, password: "hunter2-secret", card: { number: "4111 1111 1111 1111" } } },
              ],
            },
          },
        ],
      },
      debug_meta: { images: [{ type: "elf", code_file: "/opt/billing/bin/helper", image_addr: "0x55d4c2a00000", image_size: 131072 }] },
    });
    const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}&sentry_version=7`), new Uint8Array(envelope({ event_id: id }, [{ type: "event", payload }])));
    expect(res.status).toBe(200);
    const list = await (await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent("amount must be positive")}`, { cookie })).json();
    const event = await (await getJson(`/api/v1/errors/${list.items[0].errorId}/events/${id}`, { cookie })).json();
    const frames = event.exceptions[0].frames;
    expect(frames.at(-1).vars).toEqual({ amount: "-5", password: "[Filtered]", card: expect.not.stringContaining("4111") });
    expect(frames[0]).toMatchObject({ module: "/opt/billing/bin/helper", instructionAddr: "0x55d4c2a1d6e8", imageAddr: "0x55d4c2a00000" });
    expect(JSON.stringify(event)).not.toContain("hunter2-secret");
    expect(event.request.env).toEqual([
      ["REMOTE_ADDR", "198.51.100.7"],
      ["SERVER_NAME", "billing-2"],
    ]);
  });

  /** Posts one Sentry event in an envelope; its issue and the event as the event API shows it. */
  async function sendAndShow(event: Record<string, unknown>, search: string) {
    const id = newEventId();
    const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}&sentry_version=7`), new Uint8Array(envelope({ event_id: id }, [{ type: "event", payload: JSON.stringify({ event_id: id, ...event }) }])));
    expect(res.status).toBe(200);
    const list = await (await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent(search)}`, { cookie })).json();
    const errorId: string = list.items[0].errorId;
    return { errorId, event: await (await getJson(`/api/v1/errors/${errorId}/events/${id}`, { cookie })).json() };
  }

  it("shows every thread of an Android ANR, the crashed one first; grouped on the blocked main thread only", async () => {
    const frame = (module: string, fn: string, line: number, inApp: boolean) => ({ module, function: fn, filename: `${module.split(".").pop()}.kt`, lineno: line, in_app: inApp });
    const anr = (worker: string) => ({
      platform: "java",
      level: "fatal",
      sdk: { name: "sentry.java.android", version: "8.3.0" },
      exception: { values: [{ type: "ApplicationNotResponding", value: "Background ANR anrthreadscheck", thread_id: 2, mechanism: { type: "ANRv2", handled: false } }] },
      threads: {
        values: [
          { id: 7, name: "sync-worker", state: "Runnable", stacktrace: { frames: [frame("java.lang.Thread", "run", 1000, false), frame("com.shop.app.Sync", worker, 12, true)] } },
          {
            id: 2,
            name: "main",
            crashed: true,
            main: true,
            state: "Blocked",
            stacktrace: { frames: [frame("android.os.Looper", "loop", 200, false), frame("com.shop.app.Store", "read", 77, true)] },
            held_locks: { "0x0d3a2f0a": { type: 8, address: "0x0d3a2f0a", class_name: "Object", package_name: "java.lang", thread_id: 7 } },
          },
        ],
      },
    });
    const first = await sendAndShow(anr("holdLock"), "anrthreadscheck");
    const { event } = first;
    expect(event.exceptions[0].frames.map((f: { function: string }) => f.function)).toEqual(["loop", "read"]);
    expect(event.threads).toHaveLength(2);
    expect(event.threads[0]).toMatchObject({ id: "2", name: "main", state: "Blocked", crashed: true, isEventStack: true, frames: [], locks: [{ kind: "blocked", className: "java.lang.Object", threadId: "7" }] });
    expect(event.threads[1]).toMatchObject({ id: "7", name: "sync-worker", state: "Runnable", crashed: false, isEventStack: false });
    expect(event.threads[1].frames).toEqual([
      expect.objectContaining({ function: "run", inApp: false, language: "kotlin" }),
      expect.objectContaining({ function: "holdLock", inApp: true, language: "kotlin" }),
    ]);
    // Another worker stack: the same issue.
    expect((await sendAndShow(anr("flushQueue"), "anrthreadscheck")).errorId).toBe(first.errorId);
  });

  it("returns the installed packages, the dist and the runtime of a context keyed by its own name", async () => {
    const { event } = await sendAndShow(
      {
        platform: "native",
        release: "tiler@5.2.0",
        dist: "4217",
        modules: { serde: "1.0.210", tokio: "1.40.0" },
        sdk: { name: "sentry.rust", version: "0.34.0" },
        contexts: { os: { name: "Linux", version: "6.8" }, rust: { type: "runtime", name: "rustc", version: "1.80.0", channel: "stable" } },
        exception: { values: [{ type: "TileError", value: "pkgscheck failed", stacktrace: { frames: [{ function: "render", filename: "src/tile.rs", lineno: 3, in_app: true }] } }] },
      },
      "pkgscheck",
    );
    expect(event.modules).toEqual([
      { name: "serde", version: "1.0.210" },
      { name: "tokio", version: "1.40.0" },
    ]);
    expect(event.dist).toBe("4217");
    expect(event.release).toBe("tiler@5.2.0");
    expect(event.tags).toEqual(expect.arrayContaining([["runtime", "rustc 1.80.0"], ["runtime.name", "rustc"]]));
  });

  it("fills in {{ message }} and {{ value }} of a fingerprint: different messages are different issues", async () => {
    const logged = (text: string) => ({ platform: "python", level: "error", logentry: { formatted: text }, fingerprint: ["{{ message }}"] });
    const a = await sendAndShow(logged("fpcheck disk full on /var"), "fpcheck disk full");
    const b = await sendAndShow(logged("fpcheck user quota exceeded"), "fpcheck user quota");
    expect(a.errorId).not.toBe(b.errorId);
    const raised = (value: string) => ({ platform: "python", fingerprint: ["{{ default }}", "{{ value }}"], exception: { values: [{ type: "PaymentError", value, stacktrace: { frames: [{ module: "app", function: "pay", filename: "app.py", lineno: 3, in_app: true }] } }] } });
    const c = await sendAndShow(raised("fpcheck card declined"), "fpcheck card declined");
    const d = await sendAndShow(raised("fpcheck gateway timeout"), "fpcheck gateway timeout");
    expect(c.errorId).not.toBe(d.errorId);
  });
});
