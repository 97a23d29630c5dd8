import { describe, expect, it } from "vitest";
import { compileSensitiveFields } from "@/lib/ingest/sensitiveFields";
import { mapAttachment, MAX_ATTACHMENT_BYTES, redactAttachment } from "@/lib/sentry/mapAttachment";

const EVENT = "a".repeat(32);
const bytesOf = (data: string) => Buffer.from(data, "base64");

describe("mapAttachment", () => {
  it("keeps a binary file as sent, with the SDK's filename, content type and attachment type", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    const a = mapAttachment({ filename: "screenshot.png", content_type: "image/png", attachment_type: "event.attachment" }, png, EVENT)!;
    expect(a).toMatchObject({ eventId: EVENT, filename: "screenshot.png", contentType: "image/png", attachmentType: "event.attachment", size: 8 });
    expect(bytesOf(a.data).equals(png)).toBe(true);
  });

  it("scrubs secrets and card numbers from text files (text/*, JSON, XML) and counts the stored size", () => {
    const log = "GET /checkout ok\npassword=hunter2 retry\nAuthorization: Bearer abcdef0123456789abcdef\ncard 4111 1111 1111 1111\n";
    const a = mapAttachment({ filename: "app.log" }, Buffer.from(log), EVENT)!;
    const text = bytesOf(a.data).toString("utf8");
    expect(a.contentType).toBe("text/plain");
    expect(text).toContain("GET /checkout ok");
    expect(text).not.toMatch(/hunter2|abcdef0123456789abcdef|4111 1111 1111 1111/);
    expect(a.size).toBe(bytesOf(a.data).length);
    const json = mapAttachment({ filename: "state.bin", content_type: "application/json; charset=utf-8" }, Buffer.from('{"api_key":"sk_live_abcdefghijklmnop"}'), EVENT)!;
    expect(json.contentType).toBe("application/json");
    expect(bytesOf(json.data).toString()).not.toContain("sk_live_abcdefghijklmnop");
  });

  it("makes a safe filename and a well-formed content type out of whatever was sent", () => {
    const odd = mapAttachment({ filename: "../../etc/pa\u0000ss\"wd\r\n.txt", content_type: "<script>" }, Buffer.from("x"), EVENT)!;
    expect(odd.filename).toBe("pa\uFFFDsswd.txt");
    expect(odd.contentType).toBe("text/plain");
    expect(mapAttachment({ filename: 42, content_type: "" }, Buffer.from("x"), EVENT)).toMatchObject({ filename: "attachment", contentType: "application/octet-stream" });
    expect(mapAttachment({ filename: "x".repeat(500) }, Buffer.from("x"), EVENT)!.filename).toHaveLength(200);
    expect(mapAttachment({ attachment_type: "event.view_hierarchy", filename: "view-hierarchy.json" }, Buffer.from("{}"), EVENT)!.attachmentType).toBe("event.view_hierarchy");
    expect(mapAttachment({ attachment_type: "no spaces allowed" }, Buffer.from("x"), EVENT)!.attachmentType).toBe("event.attachment");
  });

  it("drops an empty file and one past the size bound", () => {
    expect(mapAttachment({ filename: "empty.txt" }, Buffer.alloc(0), EVENT)).toBeNull();
    expect(mapAttachment({ filename: "huge.bin" }, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1), EVENT)).toBeNull();
  });
});

describe("redactAttachment", () => {
  const fields = compileSensitiveFields(["iban"])!;
  const IBAN = "DE89370400440532013000";
  const redacted = (header: Record<string, unknown>, body: string | Buffer) => {
    const a = redactAttachment(mapAttachment(header, Buffer.from(body), EVENT)!, fields);
    expect(a.size).toBe(bytesOf(a.data).length);
    return bytesOf(a.data).toString("utf8");
  };

  it("hides the values under the project's sensitive keys in a JSON file, whatever they hold, keeping its indentation", () => {
    const state = { iban: IBAN, note: "log", payer: { customer_iban: [IBAN], memo: `iban=${IBAN}`, amount: 12 } };
    const compact = redacted({ filename: "state.json", content_type: "application/json" }, JSON.stringify(state));
    expect(JSON.parse(compact)).toEqual({ iban: "[Filtered]", note: "log", payer: { customer_iban: "[Filtered]", memo: "iban=[Filtered]", amount: 12 } });
    expect(compact).not.toContain("\n");
    const pretty = redacted({ filename: "state.json" }, `${JSON.stringify(state, null, 4)}\n`);
    expect(pretty).toBe(`${JSON.stringify(JSON.parse(compact), null, 4)}\n`);
  });

  it("changes nothing in a JSON file but the hidden values: big numbers, trailing zeros, duplicate keys and spacing stay as sent", () => {
    const acct = compileSensitiveFields(["acct_ref"])!;
    const body = '{"order_id": 12345678901234567890, "amount": 1.10, "a": 1, "a": 2, "acct_ref": "X"}\n';
    const a = redactAttachment(mapAttachment({ filename: "order.json", content_type: "application/json" }, Buffer.from(body), EVENT)!, acct);
    expect(bytesOf(a.data).toString("utf8")).toBe('{"order_id": 12345678901234567890, "amount": 1.10, "a": 1, "a": 2, "acct_ref": "[Filtered]"}\n');
    expect(a.size).toBe(bytesOf(a.data).length);
    expect(redactAttachment(a, acct)).toBe(a);
  });

  it("hides name=value pairs in other text, and in JSON that does not parse", () => {
    expect(redacted({ filename: "app.log" }, `charging iban=${IBAN} now\nIBAN: ${IBAN}\ndone\n`)).toBe("charging iban=[Filtered] now\nIBAN: [Filtered]\ndone\n");
    expect(redacted({ filename: "events.json" }, `{"iban":"${IBAN}"}\n{"iban":"${IBAN}"}\n`)).toBe('{"iban":"[Filtered]"}\n{"iban":"[Filtered]"}\n');
  });

  it("returns a file without such values, and a binary file, as it is", () => {
    const json = mapAttachment({ filename: "state.json" }, Buffer.from('{ "amount": 12,  "note": "iban missing" }'), EVENT)!;
    expect(redactAttachment(json, fields)).toBe(json);
    const png = mapAttachment({ filename: "shot.png", content_type: "image/png" }, Buffer.from(`iban=${IBAN}`), EVENT)!;
    expect(redactAttachment(png, fields)).toBe(png);
  });
});
