import * as Sentry from "@sentry/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { parseEnvelope, type Envelope } from "@/lib/sentry/parseEnvelope";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";
import { foldSessionUpdates } from "@/lib/sentry/countSessionUpdates";
import { mapSessionItem } from "@/lib/sentry/mapSessions";
import { mapClientReport } from "@/lib/sentry/mapClientReport";
import { parseDsn } from "@/lib/sentry/parseDsn";

/**
 * Envelopes produced by the real @sentry/node (a devDependency), captured at the transport, so a
 * change in what the SDK sends shows up here rather than in production.
 */
const DSN = "http://0123456789abcdef0123456789abcdef@localhost:3000/42";
const bodies: Buffer[] = [];

async function drain(): Promise<Envelope[]> {
  await Sentry.flush(2000);
  return bodies.splice(0).map((body) => parseEnvelope(body));
}

const itemsOf = (envelopes: Envelope[], type: string) => envelopes.flatMap((e) => e.items.filter((i) => i.type === type));
const json = (payload: Buffer) => JSON.parse(payload.toString("utf8"));

beforeAll(() => {
  Sentry.init({
    dsn: DSN,
    release: "billing@1.4.2",
    environment: "test",
    defaultIntegrations: false,
    integrations: [Sentry.linkedErrorsIntegration()],
    tracesSampleRate: 1,
    beforeSend: (event) => (event.message === "drop me" ? null : event),
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

describe("@sentry/node v11 envelopes", () => {
  it("agrees with parseDsn about the DSN", () => {
    expect(parseDsn(DSN)).toEqual({ publicKey: "0123456789abcdef0123456789abcdef", projectId: "42", host: "localhost:3000" });
  });

  it("maps captureException with a cause to one event whose chain holds the cause", async () => {
    Sentry.setTag("agent_id", "agent-7");
    Sentry.setUser({ id: "user_1" });
    const cause = new TypeError("fetch failed");
    Sentry.captureException(new Error("Could not load invoice 42", { cause }));
    const envelopes = await drain();
    const [item] = itemsOf(envelopes, "event");
    const envelopeEventId = envelopes.find((e) => e.items.includes(item))?.header.event_id as string;
    const { events } = mapSentryEvent(json(item.payload), { eventIdFallback: envelopeEventId });

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventId: envelopeEventId,
      type: "Error",
      message: "Could not load invoice 42",
      severity: "high",
      platform: "node",
      release: "billing@1.4.2",
      environment: "test",
      userId: "user_1",
      agentId: "agent-7",
    });
    expect(events[0].runId).toBeUndefined(); // trace ids are not runs (see mapSentryEvent)
    const frames = events[0].stackTrace as { filename?: string; inApp?: boolean }[];
    expect(frames.at(-1)).toMatchObject({ inApp: true });
    expect(frames.at(-1)?.filename).toContain("sdkRoundTripNode.test.ts");
    expect(events[0].exceptions!.map((e) => [e.type, e.message])).toEqual([["Error", "Could not load invoice 42"], ["TypeError", "fetch failed"]]);
    expect(events[0].parentEventId).toBeUndefined();
    for (const event of events) expect(() => IngestEventSchema.parse(event)).not.toThrow();
  });

  it("maps captureMessage to a Message event", async () => {
    Sentry.captureMessage("Invoice queue is backing up", "warning");
    const [item] = itemsOf(await drain(), "event");
    const { events } = mapSentryEvent(json(item.payload));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "Message", message: "Invoice queue is backing up", severity: "medium" });
    expect(() => IngestEventSchema.parse(events[0])).not.toThrow();
  });

  it("parses binary attachments by length", async () => {
    const data = new Uint8Array([0x00, 0x0a, 0x0d, 0xff, 0x0a, 0x7b]);
    Sentry.withScope((scope) => {
      scope.addAttachment({ filename: "dump.bin", data });
      Sentry.captureException(new Error("with attachment"));
    });
    const envelopes = await drain();
    const [attachment] = itemsOf(envelopes, "attachment");
    expect(attachment.header).toMatchObject({ filename: "dump.bin", length: data.length });
    expect([...attachment.payload]).toEqual([...data]);
    expect(mapSentryEvent(json(itemsOf(envelopes, "event")[0].payload)).events[0].message).toBe("with attachment");
  });

  it("parses streamed spans", async () => {
    Sentry.startSpan({ name: "GET /invoices/:id", op: "http.server" }, () => {
      Sentry.startSpan({ name: "SELECT invoices" }, () => undefined);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const spans = itemsOf(await drain(), "span");
    expect(spans.length).toBeGreaterThan(0);
    expect(json(spans[0].payload).items.map((s: { name: string }) => s.name)).toContain("GET /invoices/:id");
  });

  it("maps session updates: the initial one and the exit, one session (ok) by its sid", async () => {
    Sentry.startSession();
    Sentry.captureSession();
    Sentry.endSession();
    const sessions = itemsOf(await drain(), "session").map((i) => json(i.payload));
    expect(sessions.map((s) => [s.init, s.status])).toEqual([
      [true, "ok"],
      [false, "exited"],
    ]);
    const mapped = sessions.flatMap((s) => mapSessionItem(s));
    expect(mapped).toEqual([
      expect.objectContaining({ release: "billing@1.4.2", environment: "test", ok: 1, errored: 0, crashed: 0, sid: sessions[0].sid }),
      expect.objectContaining({ release: "billing@1.4.2", environment: "test", ok: 1, errored: 0, crashed: 0, sid: sessions[0].sid }),
    ]);
    expect(foldSessionUpdates(mapped)).toEqual([expect.objectContaining({ sid: sessions[0].sid, outcome: "ok" })]);
  });

  it("maps client reports", async () => {
    Sentry.captureMessage("drop me");
    await Sentry.flush(2000);
    (Sentry.getClient() as unknown as { _flushOutcomes(): void })._flushOutcomes();
    const [report] = itemsOf(await drain(), "client_report");
    expect(mapClientReport(json(report.payload))).toEqual([{ reason: "before_send", category: "error", quantity: 1 }]);
  });
});
