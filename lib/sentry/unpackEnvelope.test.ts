import { describe, expect, it } from "vitest";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { unpackEnvelope } from "@/lib/sentry/unpackEnvelope";

const ERROR_ID = "a".repeat(32);
const FEEDBACK_ID = "b".repeat(32);

function envelopeOf(items: { type: string; payload: unknown }[]): Buffer {
  const lines = [JSON.stringify({ event_id: ERROR_ID })];
  for (const item of items) {
    const payload = JSON.stringify(item.payload);
    lines.push(JSON.stringify({ type: item.type, length: Buffer.byteLength(payload) }), payload);
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

describe("unpackEnvelope: user feedback", () => {
  it("separates errors from feedback: user_report and feedback items, and feedback sent as an event item", () => {
    const contents = unpackEnvelope(
      parseEnvelope(
        envelopeOf([
          { type: "event", payload: { event_id: ERROR_ID, exception: { values: [{ type: "TypeError", value: "x" }] } } },
          { type: "user_report", payload: { event_id: ERROR_ID, name: "Ada", comments: "Broke on save" } },
          { type: "feedback", payload: { event_id: FEEDBACK_ID, contexts: { feedback: { message: "Slow page", associated_event_id: ERROR_ID } } } },
          { type: "event", payload: { event_id: "c".repeat(32), type: "feedback", contexts: { feedback: { message: "Love it" } } } },
        ]),
      ),
    );
    expect(contents.events.map((e) => e.type)).toEqual(["TypeError"]);
    expect(contents.feedback.map((f) => [f.source, f.key, f.eventId, f.comments])).toEqual([
      ["user_report", `report:${ERROR_ID}`, ERROR_ID, "Broke on save"],
      ["feedback", FEEDBACK_ID, ERROR_ID, "Slow page"],
      ["feedback", "c".repeat(32), null, "Love it"],
    ]);
    expect(contents.eventId).toBe(ERROR_ID);
    expect(contents.dropped).toEqual({});
  });

  it("refuses the envelope when a feedback item is malformed (400 naming the item and field)", () => {
    const envelope = parseEnvelope(envelopeOf([{ type: "user_report", payload: { comments: "no event id" } }]));
    expect(() => unpackEnvelope(envelope)).toThrow(/envelope item 0: user_report\.event_id/);
  });
});
