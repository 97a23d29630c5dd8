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

  it("keeps a text file byte for byte when nothing is hidden in it: Latin-1, UTF-16 with its byte-order mark, bytes that are no UTF-8", () => {
    const latin1 = Buffer.from("Benutzer: Müller, Straße, café\n", "latin1");
    const utf16 = Buffer.from("\uFEFFBenutzer: Müller\r\n", "utf16le");
    const broken = Buffer.from([0x6f, 0x6b, 0x20, 0xc3, 0x28, 0xff, 0x0a]);
    for (const [header, bytes] of [
      [{ filename: "latin1.log", content_type: "text/plain" }, latin1],
      [{ filename: "Game.log" }, latin1],
      [{ filename: "utf16.txt" }, utf16],
      [{ filename: "broken.txt" }, broken],
      [{ filename: "declared.txt", content_type: "text/plain; charset=ISO-8859-1" }, latin1],
    ] as const) {
      const a = mapAttachment(header, bytes, EVENT)!;
      expect(bytesOf(a.data).equals(bytes)).toBe(true);
      expect(a.size).toBe(bytes.length);
    }
  });

  it("scrubs text in its own encoding and writes it back in it: UTF-16 (with or without a byte-order mark, either byte order), Latin-1", () => {
    const secret = "postgres://app:S3cretPass@db/prod password=hunter2 card 4111 1111 1111 1111 Müller";
    const scrubbed = "postgres://app:[Filtered]@db/prod password=[Filtered] card [Filtered] Müller";
    const be = (text: string) => Buffer.from(text, "utf16le").swap16();
    const cases: [Record<string, unknown>, Buffer, Buffer][] = [
      [{ filename: "u16.txt" }, Buffer.from(`\uFEFF${secret}`, "utf16le"), Buffer.from(`\uFEFF${scrubbed}`, "utf16le")],
      [{ filename: "u16be.txt" }, be(`\uFEFF${secret}`), be(`\uFEFF${scrubbed}`)],
      [{ filename: "nobom.log" }, Buffer.from(secret, "utf16le"), Buffer.from(scrubbed, "utf16le")],
      [{ filename: "declared.log", content_type: "text/plain; charset=utf-16be" }, be(secret), be(scrubbed)],
      [{ filename: "latin1.log" }, Buffer.from(secret, "latin1"), Buffer.from(scrubbed, "latin1")],
      [{ filename: "u8.txt" }, Buffer.from(`\uFEFF${secret}`, "utf8"), Buffer.from(`\uFEFF${scrubbed}`, "utf8")],
    ];
    for (const [header, sent, stored] of cases) {
      const a = mapAttachment(header, sent, EVENT)!;
      expect(bytesOf(a.data).equals(stored), String(header.filename)).toBe(true);
      expect(a.size).toBe(stored.length);
    }
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

  it("hides the pairs in a UTF-16 or Latin-1 file in its own encoding", () => {
    const be = (text: string) => Buffer.from(text, "utf16le").swap16();
    for (const [header, encode] of [
      [{ filename: "u16.log" }, (text: string) => Buffer.from(`\uFEFF${text}`, "utf16le")],
      [{ filename: "u16be.json", content_type: "application/json; charset=utf-16be" }, be],
      [{ filename: "latin1.log" }, (text: string) => Buffer.from(text, "latin1")],
    ] as const) {
      const body = header.filename.endsWith(".json") ? `{"iban": "${IBAN}", "name": "Müller"}` : `Müller iban=${IBAN}\n`;
      const a = redactAttachment(mapAttachment(header, encode(body), EVENT)!, fields);
      expect(bytesOf(a.data).equals(encode(body.replace(IBAN, "[Filtered]"))), header.filename).toBe(true);
      expect(a.size).toBe(bytesOf(a.data).length);
    }
  });

  it("returns a file without such values, and a binary file, as it is", () => {
    const json = mapAttachment({ filename: "state.json" }, Buffer.from('{ "amount": 12,  "note": "iban missing" }'), EVENT)!;
    expect(redactAttachment(json, fields)).toBe(json);
    const png = mapAttachment({ filename: "shot.png", content_type: "image/png" }, Buffer.from(`iban=${IBAN}`), EVENT)!;
    expect(redactAttachment(png, fields)).toBe(png);
  });
});
