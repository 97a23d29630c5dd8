import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { MAX_ENVELOPE_ITEMS, MAX_HEADER_BYTES, parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { unpackEnvelope, unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import {
  NODE_EVENT_ID,
  attachmentBytes,
  browserMessageEvent,
  buildEnvelope,
  clientReport,
  envelopeHeader,
  nodeExceptionEvent,
  nodeSessionAggregates,
  sessionUpdateExited,
  spanContainer,
  transactionEvent,
} from "@/lib/sentry/__fixtures__/envelopes";

const json = (payload: Buffer) => JSON.parse(payload.toString("utf8"));

function expectBadRequest(body: Buffer | string, message: RegExp) {
  try {
    parseEnvelope(Buffer.isBuffer(body) ? body : Buffer.from(body, "latin1"));
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).message).toMatch(message);
    return;
  }
  throw new Error("expected parseEnvelope to throw");
}

describe("parseEnvelope", () => {
  it("reads a @sentry/node event envelope (no length, no trailing newline)", () => {
    const body = buildEnvelope(envelopeHeader(NODE_EVENT_ID), [{ header: { type: "event" }, payload: nodeExceptionEvent }]);
    const env = parseEnvelope(body);
    expect(env.header.event_id).toBe(NODE_EVENT_ID);
    expect(env.header.sdk).toEqual({ name: "sentry.javascript.node", version: "11.12.0" });
    expect(env.items).toHaveLength(1);
    expect(env.items[0].type).toBe("event");
    expect(env.items[0].header).toEqual({ type: "event" });
    expect(json(env.items[0].payload)).toEqual(JSON.parse(JSON.stringify(nodeExceptionEvent)));
  });

  it("reads items with length and a trailing newline", () => {
    const body = buildEnvelope(envelopeHeader(NODE_EVENT_ID), [{ header: { type: "event" }, payload: nodeExceptionEvent, withLength: true }], {
      trailingNewline: true,
    });
    const env = parseEnvelope(body);
    expect(env.items).toHaveLength(1);
    expect(env.items[0].header.length).toBe(env.items[0].payload.length);
    expect(json(env.items[0].payload).event_id).toBe(NODE_EVENT_ID);
  });

  it("reads every item type the SDKs send, mixing items with and without length", () => {
    const body = buildEnvelope(envelopeHeader(NODE_EVENT_ID), [
      { header: { type: "event" }, payload: nodeExceptionEvent },
      { header: { type: "attachment", filename: "screenshot.png", content_type: "image/png" }, payload: attachmentBytes, withLength: true },
      { header: { type: "session" }, payload: sessionUpdateExited },
      { header: { type: "sessions" }, payload: nodeSessionAggregates, withLength: true },
      { header: { type: "client_report" }, payload: clientReport },
      { header: { type: "span", item_count: 1, content_type: "application/vnd.sentry.items.span.v2+json" }, payload: spanContainer },
      { header: { type: "transaction" }, payload: transactionEvent, withLength: true },
    ]);
    const env = parseEnvelope(body);
    expect(env.items.map((i) => i.type)).toEqual(["event", "attachment", "session", "sessions", "client_report", "span", "transaction"]);
    expect(env.items[1].payload.equals(attachmentBytes)).toBe(true);
    expect(env.items[1].header).toMatchObject({ filename: "screenshot.png", length: attachmentBytes.length });
    expect(json(env.items[2].payload)).toEqual(sessionUpdateExited);
    expect(json(env.items[3].payload)).toEqual(nodeSessionAggregates);
    expect(json(env.items[4].payload)).toEqual(clientReport);
    expect(json(env.items[5].payload).items[0].name).toBe("GET /invoices/:id");
    expect(json(env.items[6].payload).type).toBe("transaction");
  });

  it("takes exactly `length` bytes even when the payload contains newlines", () => {
    const text = "line 1\nline 2\n\n{\"type\":\"event\"}\n";
    const body = buildEnvelope({}, [
      { header: { type: "attachment", filename: "log.txt" }, payload: text, withLength: true },
      { header: { type: "event" }, payload: browserMessageEvent },
    ]);
    const env = parseEnvelope(body);
    expect(env.items).toHaveLength(2);
    expect(env.items[0].payload.toString("utf8")).toBe(text);
    expect(json(env.items[1].payload).message).toBe("Checkout submitted twice");
  });

  it("counts length in bytes, not characters", () => {
    const text = "naïve ✓ 😀";
    const body = buildEnvelope({}, [
      { header: { type: "attachment" }, payload: text, withLength: true },
      { header: { type: "client_report" }, payload: clientReport },
    ]);
    const env = parseEnvelope(body);
    expect(env.items[0].payload.toString("utf8")).toBe(text);
    expect(env.items[0].header.length).toBe(Buffer.byteLength(text));
    expect(env.items[1].type).toBe("client_report");
  });

  it("accepts a zero length payload followed by another item", () => {
    const env = parseEnvelope(Buffer.from('{}\n{"type":"attachment","length":0}\n\n{"type":"event"}\n{"message":"x"}'));
    expect(env.items).toHaveLength(2);
    expect(env.items[0].payload.length).toBe(0);
    expect(json(env.items[1].payload)).toEqual({ message: "x" });
  });

  it("accepts a length payload at the very end without a newline", () => {
    const env = parseEnvelope(Buffer.from('{}\n{"type":"attachment","length":3}\nabc'));
    expect(env.items[0].payload.toString()).toBe("abc");
  });

  it("returns unknown item types for the caller to skip", () => {
    const env = parseEnvelope(
      buildEnvelope({}, [
        { header: { type: "replay_recording" }, payload: Buffer.from([1, 2, 3, 10, 4]), withLength: true },
        { header: { type: "profile_chunk", platform: "node" }, payload: { chunk_id: "x" } },
        { header: { type: "check_in" }, payload: { check_in_id: "y", status: "ok" } },
      ]),
    );
    expect(env.items.map((i) => i.type)).toEqual(["replay_recording", "profile_chunk", "check_in"]);
    expect([...env.items[0].payload]).toEqual([1, 2, 3, 10, 4]);
  });

  it("tolerates trailing newlines and blank lines between items", () => {
    const env = parseEnvelope(Buffer.from('{}\n{"type":"event"}\n{"message":"a"}\n\n\n{"type":"client_report"}\n{"discarded_events":[]}\n\n\n'));
    expect(env.items.map((i) => i.type)).toEqual(["event", "client_report"]);
  });

  it("strips a trailing \\r from header lines and from payloads without length", () => {
    const env = parseEnvelope(Buffer.from('{"event_id":"abc"}\r\n{"type":"event"}\r\n{"message":"a"}\r\n{"type":"attachment","length":2}\r\nhi\r\n'));
    expect(env.header.event_id).toBe("abc");
    expect(env.items).toHaveLength(2);
    expect(env.items[0].payload.toString()).toBe('{"message":"a"}');
    expect(env.items[1].payload.toString()).toBe("hi");
  });

  it("gives an item header at the end of the body an empty payload", () => {
    const env = parseEnvelope(Buffer.from('{}\n{"type":"event"}'));
    expect(env.items).toHaveLength(1);
    expect(env.items[0].payload.length).toBe(0);
  });

  it("accepts an envelope with only a header", () => {
    expect(parseEnvelope(Buffer.from('{"event_id":"x"}')).items).toEqual([]);
    expect(parseEnvelope(Buffer.from("{}\n")).items).toEqual([]);
  });

  it("treats length: null as no length", () => {
    const env = parseEnvelope(Buffer.from('{}\n{"type":"event","length":null}\n{"message":"a"}'));
    expect(json(env.items[0].payload)).toEqual({ message: "a" });
  });

  it("accepts exactly MAX_ENVELOPE_ITEMS items and refuses more with 413", () => {
    const many = (n: number) => Buffer.from("{}\n" + '{"type":"client_report"}\n{}\n'.repeat(n));
    expect(parseEnvelope(many(MAX_ENVELOPE_ITEMS)).items).toHaveLength(MAX_ENVELOPE_ITEMS);
    expect(() => parseEnvelope(many(MAX_ENVELOPE_ITEMS + 1))).toThrow(expect.objectContaining({ status: 413 }));
  });

  it("refuses a header line over MAX_HEADER_BYTES with 413 naming it, before parsing it (a line of tiny values held the instance)", () => {
    const tiny = `[${"1,".repeat(MAX_HEADER_BYTES / 2)}1]`;
    expect(() => parseEnvelope(Buffer.from(`{"pad":${tiny}}\n{"type":"event"}\n{}`))).toThrow(expect.objectContaining({ status: 413, details: { field: "envelope header", limit: MAX_HEADER_BYTES } }));
    expect(() => parseEnvelope(Buffer.from(`{}\n{"type":"session"}\n{}\n{"type":"event","pad":${tiny}}\n{}`))).toThrow(expect.objectContaining({ status: 413, details: { field: "item 1 header", limit: MAX_HEADER_BYTES } }));
    const fits = `{"pad":"${"x".repeat(MAX_HEADER_BYTES - 20)}"}`;
    expect(parseEnvelope(Buffer.from(`${fits}\n{"type":"event"}\n{}`)).items).toHaveLength(1);
  });

  describe("malformed envelopes", () => {
    it("rejects an empty body", () => expectBadRequest("", /empty/));
    it("rejects a blank first line", () => expectBadRequest('\n{"type":"event"}\n{}', /header is missing/));
    it("rejects a header that is not JSON", () => expectBadRequest('{"event_id": \n{"type":"event"}\n{}', /envelope header is not valid JSON/));
    it("rejects a header that is not an object", () => {
      expectBadRequest('[1,2]\n{"type":"event"}\n{}', /envelope header must be a JSON object/);
      expectBadRequest('"x"\n', /envelope header must be a JSON object/);
      expectBadRequest("null\n", /envelope header must be a JSON object/);
    });
    it("rejects an item header that is not JSON", () => expectBadRequest('{}\n{"type":"event"\n{}', /item 0 header is not valid JSON/));
    it("rejects an item header that is not an object", () => expectBadRequest('{}\n["event"]\n{}', /item 0 header must be a JSON object/));
    it("rejects an item header without a string type", () => {
      expectBadRequest('{}\n{"length":2}\nab', /item 0 header has no "type"/);
      expectBadRequest('{}\n{"type":7}\n{}', /item 0 header has no "type"/);
      expectBadRequest('{}\n{"type":""}\n{}', /item 0 header has no "type"/);
    });
    it("names the failing item", () => expectBadRequest('{}\n{"type":"event"}\n{}\n{"nope":1}\n{}', /item 1 header has no "type"/));
    it("rejects a length beyond the body", () => expectBadRequest('{}\n{"type":"attachment","length":10}\nabc', /declares length 10 but only 3 bytes follow/));
    it("rejects a negative length", () => expectBadRequest('{}\n{"type":"attachment","length":-1}\nabc', /invalid length -1/));
    it("rejects a non-integer length", () => {
      expectBadRequest('{}\n{"type":"attachment","length":1.5}\nabc', /invalid length 1.5/);
      expectBadRequest('{}\n{"type":"attachment","length":"3"}\nabc', /invalid length "3"/);
      expectBadRequest('{}\n{"type":"attachment","length":1e400}\nabc', /invalid length Infinity/);
    });
    it("rejects a length that stops short of the payload", () => {
      expectBadRequest('{}\n{"type":"attachment","length":2}\nabc\n{"type":"event"}\n{}', /expected a newline after its 2-byte payload/);
    });
    it.each([
      ["", "body"],
      ['\n{"type":"event"}\n{}', "envelope header"],
      ['[1,2]\n{"type":"event"}\n{}', "envelope header"],
      ['{}\n["event"]\n{}', "item 0 header"],
      ['{}\n{"type":"event"}\n{}\n{"nope":1}\n{}', "items[1].type"],
      ['{}\n{"type":"attachment","length":10}\nabc', "items[0].length"],
      ['{}\n{"type":"attachment","length":-1}\nabc', "items[0].length"],
      ['{}\n{"type":"attachment","length":1e20}\nabc', "items[0].length"],
      ['{}\n{"type":"attachment","length":"12"}\nabc', "items[0].length"],
      ['{}\n{"type":"attachment","length":183.5}\nabc', "items[0].length"],
      ['{}\n{"type":"attachment","length":0}\nabc', "items[0].length"],
      ['{}\n{"type":"event"}\n{}\n{"type":"attachment","length":2}\nabc\n', "items[1].length"],
    ])("names the field of %j: %s", (body, field) => {
      expect(() => parseEnvelope(Buffer.from(body, "latin1"))).toThrow(expect.objectContaining({ status: 400, details: expect.objectContaining({ field }) }));
    });
  });
});

describe("unpackEnvelope and unpackStoreEvent name the item whose payload is not an object", () => {
  it.each([
    ['{}\n{"type":"event"}\n[1,2]\n', "items[0]"],
    ['{}\n{"type":"session"}\n{}\n{"type":"event"}\n"x"\n', "items[1]"],
    ['{}\n{"type":"check_in"}\n[]\n', "envelope item 0"],
    ['{}\n{"type":"user_report"}\n7\n', "envelope item 0"],
  ])("%j → %s", (body, field) => {
    expect(() => unpackEnvelope(parseEnvelope(Buffer.from(body)))).toThrow(expect.objectContaining({ status: 400, details: expect.objectContaining({ field }) }));
  });

  it("names the body of a store request that is not an object", () => {
    for (const payload of [[1, 2], "x", null]) expect(() => unpackStoreEvent(payload)).toThrow(expect.objectContaining({ status: 400, details: { field: "body" } }));
  });
});
