import { describe, expect, it } from "vitest";
import { mapAttachment, MAX_ATTACHMENT_BYTES } from "@/lib/sentry/mapAttachment";

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
