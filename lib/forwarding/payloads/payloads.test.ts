import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ForwardedEvent } from "@/lib/forwarding/forwardedEvent";
import { datadogBody } from "@/lib/forwarding/payloads/datadogPayload";
import { buildSentryEnvelope, sentryEventId, toSentryEvent } from "@/lib/forwarding/payloads/sentryEnvelope";
import { parseTargetDsn } from "@/lib/forwarding/payloads/sentryTarget";
import { signWebhook, webhookBody } from "@/lib/forwarding/payloads/webhookPayload";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";

const event: ForwardedEvent = {
  eventId: "evt-checkout-1",
  groupId: "0190a000-0000-8000-8000-000000000001",
  projectId: "0190a000-0000-7000-8000-000000000002",
  type: "TypeError",
  message: "Cannot read properties of undefined (reading 'total')",
  severity: "high",
  category: "application",
  source: "api",
  platform: "javascript",
  environment: "production",
  release: "2.3.1",
  occurredAt: "2026-11-25T10:00:00.000Z",
  userId: "user-7",
  agentId: null,
  tags: { route: "/invoices" },
  metadata: { feature: "billing" },
  stackTrace: "TypeError: …\n    at computeInvoice (/srv/app/src/billing/invoice.ts:42:17)",
  frames: [
    { function: "handler", filename: "routes/invoices.ts", lineno: 12, inApp: true },
    { function: "computeInvoice", filename: "billing/invoice.ts", lineno: 42, colno: 17, inApp: true },
  ],
  parentEventId: null,
  recovery: { recovered: true, method: "retry", durationMs: 120, automatic: true },
};

describe("Sentry envelope", () => {
  it("goes to the DSN's envelope endpoint, keeping a path prefix", () => {
    expect(parseTargetDsn("https://abc@o1.ingest.sentry.io/42")?.envelopeUrl).toBe(
      "https://o1.ingest.sentry.io/api/42/envelope/?sentry_key=abc&sentry_version=7&sentry_client=faultline-forwarder%2F1.0",
    );
    expect(parseTargetDsn("http://k:secret@proxy.local:9000/sentry/7")?.envelopeUrl).toMatch(/^http:\/\/proxy\.local:9000\/sentry\/api\/7\/envelope\/\?sentry_key=k&/);
    expect(parseTargetDsn("https://o1.ingest.sentry.io/42")).toBeNull();
    expect(parseTargetDsn("ftp://k@host/1")).toBeNull();
  });

  it("keeps hex event ids and hashes the others to 32 hex digits, stably", () => {
    expect(sentryEventId("0123456789ABCDEF0123456789abcdef")).toBe("0123456789abcdef0123456789abcdef");
    expect(sentryEventId("evt-checkout-1")).toMatch(/^[0-9a-f]{32}$/);
    expect(sentryEventId("evt-checkout-1")).toBe(sentryEventId("evt-checkout-1"));
  });

  it("is an envelope our own Sentry endpoint (and so any Sentry server) reads back as the same error", () => {
    const body = buildSentryEnvelope(event, "https://abc@o1.ingest.sentry.io/42", new Date("2026-11-25T10:00:01Z"));
    const envelope = parseEnvelope(Buffer.from(body));
    expect(envelope.header).toMatchObject({ event_id: sentryEventId(event.eventId), dsn: "https://abc@o1.ingest.sentry.io/42" });
    expect(envelope.items).toHaveLength(1);
    expect(envelope.items[0].header).toMatchObject({ type: "event", length: envelope.items[0].payload.length });
    const [mapped] = mapSentryEvent(JSON.parse(envelope.items[0].payload.toString("utf8"))).events;
    expect(IngestEventSchema.safeParse(mapped).success).toBe(true);
    expect(mapped).toMatchObject({ type: "TypeError", message: event.message, severity: "high", environment: "production", release: "2.3.1", userId: "user-7" });
  });

  it("names the platform as Sentry does, from any SDK or language name", () => {
    const platform = (p: string) => toSentryEvent({ ...event, platform: p }).platform;
    expect([platform("node"), platform("dotnet"), platform("flutter"), platform("cocoa"), platform("erlang"), platform("cobol")]).toEqual([
      "javascript",
      "csharp",
      "dart",
      "native",
      "elixir",
      "other",
    ]);
  });
});

describe("webhook", () => {
  it("signs t.body with HMAC-SHA256 so a receiver can verify it", () => {
    const at = new Date("2026-11-25T10:00:00Z");
    const body = webhookBody({ deliveryId: "d1", rule: { id: "r1", name: "to ops" }, event, sentAt: at });
    const signature = signWebhook("whsec_test_secret_123", body, at);
    const [, t, v1] = signature.match(/^t=(\d+),v1=([0-9a-f]{64})$/)!;
    expect(Number(t)).toBe(at.getTime() / 1000);
    expect(v1).toBe(createHmac("sha256", "whsec_test_secret_123").update(`${t}.${body}`).digest("hex"));
    expect(JSON.parse(body)).toMatchObject({ type: "event.forwarded", rule: { id: "r1" }, event: { eventId: "evt-checkout-1" } });
  });
});

describe("Datadog logs", () => {
  it("maps to reserved attributes", () => {
    const [log] = JSON.parse(datadogBody(event, { service: "checkout", tags: "team:payments" }));
    expect(log).toMatchObject({
      ddsource: "faultline",
      service: "checkout",
      status: "error",
      ddtags: expect.stringContaining("env:production"),
      error: { kind: "TypeError", message: event.message },
      usr: { id: "user-7" },
    });
    expect(log.ddtags).toContain("team:payments");
  });
});
