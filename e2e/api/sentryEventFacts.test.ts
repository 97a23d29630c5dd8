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
});
