import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { MAX_JSON_ITEM_BYTES, unpackEnvelope, unpackStoreBody } from "@/lib/sentry/unpackEnvelope";

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

describe("what an event payload's `type` says it is", () => {
  const TX_ID = "d".repeat(32);
  const transaction = { event_id: TX_ID, type: "transaction", transaction: "/checkout/submit", start_timestamp: 1, timestamp: 2, contexts: { trace: { trace_id: "e".repeat(32), span_id: "f".repeat(16) } }, spans: [], sdk: { name: "sentry.python", version: "0.14.4" } };

  it("drops a transaction sent as an event item like a transaction item, and answers its id when nothing else names one", () => {
    const contents = unpackEnvelope(parseEnvelope(envelopeOf([{ type: "event", payload: transaction }, { type: "transaction", payload: transaction }])));
    expect(contents.events).toEqual([]);
    expect(contents.dropped).toEqual({ transaction: 2 });
    expect(contents.eventId).toBe(ERROR_ID);
    const bare = parseEnvelope(Buffer.from(`{}\n{"type":"event"}\n${JSON.stringify(transaction)}\n`));
    expect(unpackEnvelope(bare).eventId).toBe(TX_ID);
  });

  it("keeps errors (no type, `error`, `default`) as events beside a dropped transaction", () => {
    const contents = unpackEnvelope(
      parseEnvelope(
        envelopeOf([
          { type: "event", payload: transaction },
          { type: "event", payload: { event_id: ERROR_ID, type: "error", exception: { values: [{ type: "TypeError", value: "x" }] } } },
          { type: "event", payload: { event_id: "c".repeat(32), type: "default", message: "logged" } },
        ]),
      ),
    );
    expect(contents.events.map((e) => e.type)).toEqual(["TypeError", "Message"]);
    expect(contents.dropped).toEqual({ transaction: 1 });
  });

  it("reads an event item of type feedback as feedback, refusing one without its feedback context as a feedback item is (400)", () => {
    const missing = parseEnvelope(envelopeOf([{ type: "event", payload: { event_id: FEEDBACK_ID, type: "feedback", message: "not feedback-shaped" } }]));
    expect(() => unpackEnvelope(missing)).toThrow(expect.objectContaining({ status: 400, details: { field: "contexts.feedback" } }));
  });

  it("on the store endpoint: drops a transaction (answered with its id, a fresh one without), reads feedback as feedback, maps an error", () => {
    expect(unpackStoreBody(transaction)).toEqual({ eventId: TX_ID, events: [], feedback: [] });
    expect(unpackStoreBody({ ...transaction, event_id: undefined }).eventId).toMatch(/^[0-9a-f]{32}$/);
    const feedback = unpackStoreBody({ event_id: FEEDBACK_ID, type: "feedback", contexts: { feedback: { message: "Love it" } } });
    expect(feedback).toMatchObject({ eventId: FEEDBACK_ID, events: [], feedback: [{ key: FEEDBACK_ID, comments: "Love it", source: "feedback" }] });
    const error = unpackStoreBody({ event_id: ERROR_ID, message: "boom" });
    expect(error).toMatchObject({ eventId: ERROR_ID, events: [{ eventId: ERROR_ID, type: "Message" }], feedback: [] });
    expect(() => unpackStoreBody([1])).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe("unpackEnvelope: the envelope header's sdk", () => {
  it("is the event's SDK when the event names none, and never replaces the event's own", () => {
    const sdkEnvelope = (event: Record<string, unknown>) =>
      parseEnvelope(Buffer.from(`${JSON.stringify({ event_id: ERROR_ID, sdk: { name: "sentry.javascript.browser", version: "8.1.0" } })}\n{"type":"event"}\n${JSON.stringify(event)}\n`));
    const [bare] = unpackEnvelope(sdkEnvelope({ event_id: ERROR_ID, message: "boom" })).events;
    expect(bare.context).toMatchObject({ sentry: { sdk: { name: "sentry.javascript.browser", version: "8.1.0" } } });
    const [own] = unpackEnvelope(sdkEnvelope({ event_id: ERROR_ID, message: "boom", sdk: { name: "sentry.python", version: "2.0.0" } })).events;
    expect(own.context).toMatchObject({ sentry: { sdk: { name: "sentry.python", version: "2.0.0" } } });
  });
});

describe("unpackEnvelope: attachments", () => {
  const withItems = (header: Record<string, unknown>, items: { header: Record<string, unknown>; payload: Buffer }[]) =>
    parseEnvelope(
      Buffer.concat([
        Buffer.from(`${JSON.stringify(header)}\n`),
        ...items.flatMap((item) => [Buffer.from(`${JSON.stringify({ ...item.header, length: item.payload.length })}\n`), item.payload, Buffer.from("\n")]),
      ]),
    );
  const file = (filename: string) => ({ header: { type: "attachment", filename }, payload: Buffer.from(`contents of ${filename}`) });
  const event = { header: { type: "event" }, payload: Buffer.from(JSON.stringify({ event_id: ERROR_ID, message: "boom" })) };

  it("binds attachment items to the envelope's event, keeping at most 20", () => {
    const contents = unpackEnvelope(withItems({ event_id: ERROR_ID }, [event, file("a.log"), ...Array.from({ length: 21 }, (_, i) => file(`f${i}.txt`))]));
    expect(contents.events).toHaveLength(1);
    expect(contents.attachments).toHaveLength(20);
    expect(contents.attachments.every((a) => a.eventId === ERROR_ID)).toBe(true);
    expect(contents.attachments[0]).toMatchObject({ filename: "a.log", contentType: "text/plain" });
    expect(contents.dropped).toEqual({ attachment: 2 });
  });

  it("binds a feedback widget's screenshot to the feedback when the envelope names no event", () => {
    const feedback = { header: { type: "feedback" }, payload: Buffer.from(JSON.stringify({ event_id: FEEDBACK_ID, contexts: { feedback: { message: "stuck" } } })) };
    const contents = unpackEnvelope(withItems({}, [feedback, file("screenshot.png")]));
    expect(contents.feedback).toHaveLength(1);
    expect(contents.attachments).toEqual([expect.objectContaining({ eventId: FEEDBACK_ID, filename: "screenshot.png", contentType: "image/png" })]);
  });

  it("takes the first event's id when the header has none, and drops attachments with no event to belong to", () => {
    expect(unpackEnvelope(withItems({}, [event, file("a.log")])).attachments[0].eventId).toBe(ERROR_ID);
    const orphan = unpackEnvelope(withItems({}, [file("a.log")]));
    expect(orphan.attachments).toEqual([]);
    expect(orphan.dropped).toEqual({ attachment: 1 });
  });
});

describe("unpackEnvelope: the header's event id", () => {
  const file = { header: { type: "attachment", filename: "state.json" }, payload: Buffer.from('{"step": 3}') };
  const envelope = (eventId: unknown, items: { header: Record<string, unknown>; payload: Buffer }[] = [file]) =>
    parseEnvelope(Buffer.concat([Buffer.from(`${JSON.stringify({ event_id: eventId })}\n`), ...items.flatMap((i) => [Buffer.from(`${JSON.stringify({ ...i.header, length: i.payload.length })}\n`), i.payload, Buffer.from("\n")])]));

  it("refuses an envelope whose header event_id is not an event id (400 naming event_id): not echoed, its files not dropped unseen", () => {
    for (const bad of ["zz", "", "a".repeat(31), "g".repeat(32), 42, { id: "a".repeat(32) }]) {
      let refused: unknown;
      try {
        unpackEnvelope(envelope(bad));
      } catch (error) {
        refused = error;
      }
      expect(refused, JSON.stringify(bad)).toBeInstanceOf(ApiError);
      expect(refused).toMatchObject({ status: 400, details: { field: "event_id" } });
    }
  });

  it("normalises a UUID header id for the answer and the attachments; null is no id", () => {
    const contents = unpackEnvelope(envelope("0123ABCD-89ab-cdef-0123-456789abcdef"));
    expect(contents.eventId).toBe("0123abcd89abcdef0123456789abcdef");
    expect(contents.attachments.map((a) => a.eventId)).toEqual(["0123abcd89abcdef0123456789abcdef"]);
    expect(unpackEnvelope(envelope(null)).eventId).toBeNull();
  });

  it("replaces an event item's own invalid event_id with the header's, as before", () => {
    const event = { header: { type: "event" }, payload: Buffer.from(JSON.stringify({ event_id: "zz", message: "boom" })) };
    const contents = unpackEnvelope(envelope(ERROR_ID, [event, file]));
    expect(contents.events[0].eventId).toBe(ERROR_ID);
    expect(contents.eventId).toBe(ERROR_ID);
    expect(contents.attachments[0].eventId).toBe(ERROR_ID);
  });
});

describe("unpackEnvelope: size of JSON items", () => {
  const eventOfSize = (bytes: number) => {
    const base = { event_id: ERROR_ID, exception: { values: [{ type: "BigError", value: "big" }] }, extra: { blob: "" } };
    return { ...base, extra: { blob: "x".repeat(bytes - JSON.stringify(base).length) } };
  };

  it("reads an event of exactly 1 MiB and refuses one byte more with 413 naming the item", () => {
    expect(JSON.stringify(eventOfSize(MAX_JSON_ITEM_BYTES)).length).toBe(MAX_JSON_ITEM_BYTES);
    expect(unpackEnvelope(parseEnvelope(envelopeOf([{ type: "event", payload: eventOfSize(MAX_JSON_ITEM_BYTES) }]))).events).toHaveLength(1);
    const over = () => unpackEnvelope(parseEnvelope(envelopeOf([{ type: "session", payload: {} }, { type: "event", payload: eventOfSize(MAX_JSON_ITEM_BYTES + 1) }])));
    expect(over).toThrow(expect.objectContaining({ status: 413, details: { field: "envelope item 1", item: 1, limit: MAX_JSON_ITEM_BYTES } }));
  });

  it("leaves an item it does not read (a transaction, a replay) to be dropped whatever its size", () => {
    const contents = unpackEnvelope(parseEnvelope(envelopeOf([{ type: "replay_recording", payload: "r".repeat(MAX_JSON_ITEM_BYTES + 10) }])));
    expect(contents.dropped).toEqual({ replay_recording: 1 });
  });
});
