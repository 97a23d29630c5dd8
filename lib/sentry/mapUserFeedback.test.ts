import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { compileSensitiveFields } from "@/lib/ingest/sensitiveFields";
import { MAX_FEEDBACK_COMMENTS, mapFeedbackEvent, mapUserReport, redactFeedback } from "@/lib/sentry/mapUserFeedback";

const ID = "0123456789abcdef0123456789abcdef";
const where = "envelope item 0";

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return error.message;
    throw error;
  }
  throw new Error("not refused");
}

describe("mapUserReport", () => {
  it("maps a user_report, keyed by its event (one report per event), event ids with dashes normalised", () => {
    expect(mapUserReport({ event_id: "01234567-89ab-cdef-0123-456789ABCDEF", name: " Ada ", email: "ada@example.com", comments: " Pay failed\n" }, where)).toEqual({
      key: `report:${ID}`,
      eventId: ID,
      name: "Ada",
      email: "ada@example.com",
      comments: "Pay failed",
      url: null,
      source: "user_report",
    });
  });

  it("scrubs secrets and card numbers in what people write, and bounds it", () => {
    const report = mapUserReport({ event_id: ID, comments: `my card 4111 1111 1111 1111 and api_key=sk_live_abcdefghijklmnop ${"x".repeat(20_000)}` }, where);
    expect(report.comments).not.toMatch(/4111 1111|sk_live/);
    expect(report.comments.length).toBeLessThanOrEqual(MAX_FEEDBACK_COMMENTS + 100);
    expect(report).toMatchObject({ name: null, email: null });
  });

  it("refuses a report without an event id or without words, naming the field", () => {
    expect(refusal(() => mapUserReport({ comments: "hi" }, where))).toMatch(/envelope item 0: user_report\.event_id/);
    expect(refusal(() => mapUserReport({ event_id: "not-an-id", comments: "hi" }, where))).toMatch(/user_report\.event_id/);
    expect(refusal(() => mapUserReport({ event_id: ID, comments: "  " }, where))).toMatch(/user_report\.comments/);
    expect(refusal(() => mapUserReport({ event_id: ID, comments: { text: "hi" } }, where))).toMatch(/user_report\.comments/);
    expect(refusal(() => mapUserReport([1, 2], where))).toMatch(/JSON object/);
  });
});

describe("mapFeedbackEvent", () => {
  it("maps contexts.feedback, keyed by the feedback's own event id, the user standing in for contact details", () => {
    const event = { event_id: "f".repeat(32), user: { email: "lin@example.com", username: "lin" }, contexts: { feedback: { message: "Slow", associated_event_id: ID, url: "https://a.example/x" } } };
    expect(mapFeedbackEvent(event, where)).toEqual({ key: "f".repeat(32), eventId: ID, name: "lin", email: "lin@example.com", comments: "Slow", url: "https://a.example/x", source: "feedback" });
  });

  it("prefers the feedback's own name and contact email; takes the envelope's event id when the item has none", () => {
    const event = { user: { email: "u@example.com", name: "U" }, contexts: { feedback: { message: "Hi", name: "Kim", contact_email: "kim@example.com" } } };
    expect(mapFeedbackEvent(event, where, "e".repeat(32))).toMatchObject({ key: "e".repeat(32), eventId: null, name: "Kim", email: "kim@example.com" });
  });

  it("refuses feedback without contexts.feedback, a message or an id", () => {
    expect(refusal(() => mapFeedbackEvent({ event_id: ID }, where))).toMatch(/contexts\.feedback/);
    expect(refusal(() => mapFeedbackEvent({ event_id: ID, contexts: { feedback: { message: "" } } }, where))).toMatch(/contexts\.feedback\.message/);
    expect(refusal(() => mapFeedbackEvent({ contexts: { feedback: { message: "x" } } }, where))).toMatch(/event_id/);
  });
});

describe("redactFeedback", () => {
  const fields = compileSensitiveFields(["iban", "x-tenant-secret"])!;

  it("hides the project's sensitive fields in what people wrote and the page's address, like an event's message", () => {
    const report = mapUserReport({ event_id: ID, name: "Ada", email: "ada@example.com", comments: "iban: DE89370400440532013000 again" }, where);
    expect(redactFeedback(report, fields)).toEqual({ ...report, comments: "iban: [Filtered] again" });
    const widget = mapFeedbackEvent(
      { event_id: ID, contexts: { feedback: { message: "my iban=DE89370400440532013000 was charged twice, X_Tenant_Secret: t-s3cret", url: "https://shop.example/pay?customer_iban=GB33BUKB20201555555555&step=2" } } },
      where,
    );
    const redacted = redactFeedback(widget, fields);
    expect(redacted.comments).toBe("my iban=[Filtered] was charged twice, X_Tenant_Secret: [Filtered]");
    expect(redacted.url).toBe("https://shop.example/pay?customer_iban=[Filtered]&step=2");
    expect(widget.comments).toContain("DE89370400440532013000");
  });

  it("leaves words without such a pair as they are", () => {
    const report = mapUserReport({ event_id: ID, comments: "My IBAN changed last week, is that why?" }, where);
    expect(redactFeedback(report, fields)).toEqual(report);
  });
});
