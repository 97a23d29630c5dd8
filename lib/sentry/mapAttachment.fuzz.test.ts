import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, hostileJson, hostileString } from "@/lib/fuzz/fuzzSettings";
import { mapAttachment } from "@/lib/sentry/mapAttachment";
import { hasUnstorableText } from "@/lib/text/replaceUnstorable";
import { dispositionFilename } from "@/lib/attachments/readAttachment";

const header = fc.record(
  {
    filename: fc.oneof(hostileString(300), hostileJson(1), fc.constantFrom("../../x.png", "C:\\\\dir\\\\log.txt", "a\u0000b.json", "")),
    content_type: fc.oneof(hostileString(80), hostileJson(1), fc.constantFrom("image/png", "text/html; charset=utf-8", "application/vnd.api+json", "x/y/z")),
    attachment_type: fc.oneof(hostileString(80), hostileJson(1)),
  },
  { requiredKeys: [] },
);
const payload = fc.oneof(fc.uint8Array({ maxLength: 300 }), hostileString(300).map((s) => new TextEncoder().encode(s)));

describe("mapAttachment only ever returns a storable, safely named file or null (fuzz)", () => {
  it("any header and bytes", () => {
    fc.assert(
      fc.property(header, payload, (h, bytes) => {
        const file = mapAttachment(h, Buffer.from(bytes), "a".repeat(32));
        if (bytes.length === 0) {
          expect(file).toBeNull();
          return;
        }
        expect(file).not.toBeNull();
        const { filename, contentType, attachmentType, data, size } = file!;
        expect(filename.length).toBeGreaterThan(0);
        expect(filename.length).toBeLessThanOrEqual(200);
        // No path, no control characters, no quote, nothing PostgreSQL cannot store in text.
        expect(filename).not.toMatch(/[\\/"\u0000-\u001f\u007f]/);
        expect(hasUnstorableText(filename)).toBe(false);
        expect(contentType).toMatch(/^[a-z0-9][\w.+-]*\/[a-z0-9][\w.+-]*$/);
        expect(attachmentType).toMatch(/^[\w.-]{1,64}$/);
        expect(Buffer.from(data, "base64").length).toBe(size);
        // The download header made of it is one line of printable ASCII.
        expect(dispositionFilename(filename)).toMatch(/^[\x20-\x7e]+$/);
      }),
      fuzzParams(),
    );
  });
});
