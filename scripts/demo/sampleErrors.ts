import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { storeEvents } from "@/lib/ingest/storeEvents";
import type { IngestEventInput } from "@/lib/ingest/eventSchema";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";

const SAMPLES: IngestEventInput[] = [
  {
    type: "TypeError",
    message: "Cannot read properties of undefined (reading 'id')",
    stackTrace:
      "TypeError: Cannot read properties of undefined (reading 'id')\n    at renderInvoice (/srv/app/src/billing/invoice.ts:42:17)\n    at handler (/srv/app/src/routes/invoices.ts:12:5)",
    source: "api",
  },
  {
    type: "DatabaseConnectionError",
    message: "connection to server at 10.0.3.12 port 5432 failed: timeout expired",
    source: "database",
  },
  {
    type: "TimeoutError",
    message: "Agent step exceeded 30000 ms",
    source: "agent",
    recovery: { recovered: true, method: "retry", durationMs: 1800, automatic: true },
  },
  { type: "ValidationError", message: "email must be a valid address", source: "api" },
  {
    type: "PaymentDeclined",
    message: "Card charge failed for order 88213",
    source: "integration",
  },
];

/** The demo's second project, a Python service: a few errors of its own, so the project filters have something to tell apart. */
export const BILLING_SAMPLES: IngestEventInput[] = [
  {
    type: "KeyError",
    message: "'currency'",
    stackTrace:
      'Traceback (most recent call last):\n  File "/srv/billing/app/invoices.py", line 88, in total\n    rate = rates[invoice["currency"]]\nKeyError: \'currency\'',
    source: "api",
  },
  { type: "StripeRateLimitError", message: "Too many requests made to the API too quickly", source: "integration" },
];

/** A day of sample errors so a fresh dashboard has something to show. */
export async function seedSampleErrors(
  target: { workspaceId: string; projectId: string },
  { samples = SAMPLES, count = 120, release = "1.4.2" }: { samples?: IngestEventInput[]; count?: number; release?: string } = {},
) {
  const now = Date.now();
  const events = [];
  for (let i = 0; i < count; i++) {
    const sample = samples[i % samples.length];
    const occurredAt = new Date(now - Math.floor(((i * 7919) % 1440) * 60_000)).toISOString();
    const input = {
      ...sample,
      occurredAt,
      userId: `user-${(i * 31) % 40}`,
      agentId: `agent-${i % 6}`,
      environment: i % 4 === 0 ? "staging" : "production",
      release,
    };
    events.push(prepareEvent(IngestEventSchema.parse(input)));
  }
  return (await storeEvents(target, events)).results;
}
