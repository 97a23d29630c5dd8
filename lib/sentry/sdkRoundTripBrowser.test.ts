import * as Sentry from "@sentry/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { parseEnvelope, type Envelope } from "@/lib/sentry/parseEnvelope";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";
import { foldSessionUpdates } from "@/lib/sentry/countSessionUpdates";
import { mapSessionItem } from "@/lib/sentry/mapSessions";

/** Envelopes produced by the real @sentry/browser (a devDependency; it runs in Node without a DOM). */
const bodies: Buffer[] = [];

async function drain(): Promise<Envelope[]> {
  await Sentry.flush(2000);
  return bodies.splice(0).map((body) => parseEnvelope(body));
}

const itemsOf = (envelopes: Envelope[], type: string) => envelopes.flatMap((e) => e.items.filter((i) => i.type === type));
const json = (payload: Buffer) => JSON.parse(payload.toString("utf8"));

beforeAll(() => {
  Sentry.init({
    dsn: "http://0123456789abcdef0123456789abcdef@localhost:3000/42",
    release: "web@2.0.0",
    environment: "test",
    defaultIntegrations: false,
    integrations: [Sentry.linkedErrorsIntegration()],
    skipBrowserExtensionCheck: true,
    transport: (options) =>
      Sentry.createTransport(options, async (request) => {
        bodies.push(typeof request.body === "string" ? Buffer.from(request.body) : Buffer.from(request.body));
        return { statusCode: 200 };
      }),
  });
});

afterAll(async () => {
  await Sentry.close(2000);
});

describe("@sentry/browser v11 envelopes", () => {
  it("maps an AggregateError to one event whose chain holds the group and its members", async () => {
    Sentry.captureException(new AggregateError([new RangeError("Invalid array length"), new SyntaxError("Unexpected token")], "2 widgets failed"));
    const envelopes = await drain();
    const [item] = itemsOf(envelopes, "event");
    const { events } = mapSentryEvent(json(item.payload));
    expect(events).toHaveLength(1);
    expect(events[0].exceptions!.map((e) => [e.type, e.message])).toEqual([
      ["AggregateError", "2 widgets failed"],
      ["RangeError", "Invalid array length"],
      ["SyntaxError", "Unexpected token"],
    ]);
    expect(events[0]).toMatchObject({ platform: "javascript", severity: "high", release: "web@2.0.0" });
    for (const event of events) expect(() => IngestEventSchema.parse(event)).not.toThrow();
  });

  it("maps captureMessage, whose synthetic stack only adds frames", async () => {
    Sentry.captureMessage("Checkout submitted twice", "info");
    const [item] = itemsOf(await drain(), "event");
    const payload = json(item.payload);
    expect(payload.exception.values[0].mechanism.synthetic).toBe(true);
    const [event] = mapSentryEvent(payload).events;
    expect(event).toMatchObject({ type: "Message", message: "Checkout submitted twice", severity: "low" });
    expect((event.stackTrace as unknown[]).length).toBeGreaterThan(0);
  });

  it("maps a page load's session updates — init ok, a handled error, an unhandled one — to one crashed session", async () => {
    // What BrowserSession does on a page load; then the SDK updates the session from the events.
    Sentry.startSession();
    Sentry.captureSession();
    Sentry.captureException(new Error("cart total off"));
    Sentry.captureException(new TypeError("cart is undefined"), { mechanism: { type: "auto.browser.global_handlers.onerror", handled: false } });
    const updates = itemsOf(await drain(), "session").map((i) => json(i.payload));
    // v10+ marks an unhandled error "unhandled" (v7–v9: "crashed"), and never ends the page's session.
    expect(updates.map((u) => [u.init, u.status, u.errors])).toEqual([
      [true, "ok", 0],
      [false, "ok", 1],
      [false, "unhandled", 1],
    ]);
    const mapped = updates.flatMap((u) => mapSessionItem(u));
    expect(mapped.map((m) => [m.ok, m.errored, m.crashed])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(foldSessionUpdates(mapped)).toEqual([{ sid: updates[0].sid, outcome: "crashed", minute: mapped[0].minute, release: "web@2.0.0", environment: "test" }]);
    Sentry.endSession();
    await drain();
  });
});
