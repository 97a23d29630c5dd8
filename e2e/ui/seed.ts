import { postEvents, type Tenant } from "@/e2e/support/tenant";

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

export const JS_STACK =
  "TypeError: Cannot read properties of undefined (reading 'total')\n" +
  "    at computeInvoice (/srv/app/src/billing/invoice.ts:42:17)\n" +
  "    at handler (/srv/app/src/routes/invoices.ts:12:5)\n" +
  "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)";

/** The error types seeded by `seedErrors`, for assertions. */
export const SEEDED = {
  spike: "CheckoutTimeout",
  typeError: "TypeError",
  validation: "ValidationError",
  old: "LegacyImportError",
} as const;

/**
 * A day with a clear spike: 24 critical checkout timeouts in one hour five hours ago on top of a quiet
 * background, a JavaScript TypeError with a stack trace, a low validation error, and one error three
 * days old (visible only with the 7d timeframe).
 */
export async function seedErrors(t: Tenant): Promise<void> {
  const spikeStart = Math.floor((Date.now() - 5 * HOUR) / HOUR) * HOUR + 5 * 60_000;
  const events = [
    ...Array.from({ length: 24 }, (_, i) => ({
      type: SEEDED.spike,
      message: "Checkout step exceeded 30000 ms",
      severity: "critical",
      category: "timeout",
      source: "api",
      occurredAt: new Date(spikeStart + i * 60_000).toISOString(),
      userId: `user-${i % 12}`,
      environment: "production",
    })),
    ...[20, 10, 0.5].map((h, i) => ({
      type: SEEDED.typeError,
      message: "Cannot read properties of undefined (reading 'total')",
      severity: "high",
      platform: "javascript",
      stackTrace: JS_STACK,
      occurredAt: ago(h * HOUR),
      userId: `user-${i}`,
      environment: "production",
      release: "2.3.1",
      tags: { route: "/invoices" },
      context: { feature: "billing" },
    })),
    ...[2, 1].map((h) => ({
      type: SEEDED.validation,
      message: "email must be a valid address",
      severity: "low",
      category: "validation",
      occurredAt: ago(h * HOUR),
    })),
    { type: SEEDED.old, message: "CSV row 17 could not be parsed", severity: "medium", occurredAt: ago(72 * HOUR) },
  ];
  const res = await postEvents(t.key, { events });
  if (res.status !== 202) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
}
