import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { charsetParameter, decodeTextBytes, textEncodingOf } from "@/lib/text/textBytes";

const LINE = "Benutzer: Müller, Straße, café";
const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();

describe("charsetParameter", () => {
  it("reads the charset of a Content-Type, quoted or not, in any case", () => {
    expect(charsetParameter("text/plain; charset=ISO-8859-1")).toBe("iso-8859-1");
    expect(charsetParameter('text/plain;charset="utf-16le"; format=flowed')).toBe("utf-16le");
    expect(charsetParameter("text/plain")).toBeUndefined();
    expect(charsetParameter("text/plain; charset=")).toBeUndefined();
    expect(charsetParameter(42)).toBeUndefined();
  });
});

describe("textEncodingOf", () => {
  it("follows the declared charset when the bytes agree with it", () => {
    expect(textEncodingOf(Buffer.from(LINE, "latin1"), "iso-8859-1")).toBe("latin1");
    expect(textEncodingOf(Buffer.from(LINE, "latin1"), "windows-1252")).toBe("latin1");
    // Valid UTF-8 declared as Latin-1 is still read byte for byte: the declaration wins.
    expect(textEncodingOf(Buffer.from(LINE, "utf8"), "latin1")).toBe("latin1");
    expect(textEncodingOf(Buffer.from(LINE, "utf16le"), "utf-16le")).toBe("utf-16le");
    expect(textEncodingOf(utf16be(LINE), "utf-16be")).toBe("utf-16be");
    expect(textEncodingOf(Buffer.from(LINE, "utf8"), "utf-8")).toBe("utf-8");
  });

  it("reads `utf-16` by its byte-order mark, little-endian without one", () => {
    expect(textEncodingOf(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(LINE)]), "utf-16")).toBe("utf-16be");
    expect(textEncodingOf(Buffer.from(`\uFEFF${LINE}`, "utf16le"), "utf-16")).toBe("utf-16le");
    expect(textEncodingOf(Buffer.from("абв", "utf16le"), "utf-16")).toBe("utf-16le");
  });

  it("does not read bytes as UTF-8 that are not: a wrong utf-8 declaration falls back to the mark, then latin1", () => {
    expect(textEncodingOf(Buffer.from(LINE, "latin1"), "utf-8")).toBe("latin1");
    expect(textEncodingOf(Buffer.from(`\uFEFF${LINE}`, "utf16le"), "utf-8")).toBe("utf-16le");
    expect(textEncodingOf(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xfc]))).toBe("latin1");
  });

  it("without a declaration: the byte-order mark, then UTF-16 ASCII without a mark, then UTF-8 when valid, else latin1", () => {
    expect(textEncodingOf(Buffer.from(`\uFEFF${LINE}`, "utf16le"))).toBe("utf-16le");
    expect(textEncodingOf(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(LINE)]))).toBe("utf-16be");
    expect(textEncodingOf(Buffer.from(`\uFEFF${LINE}`, "utf8"))).toBe("utf-8");
    expect(textEncodingOf(Buffer.from("password=hunter2 ok", "utf16le"))).toBe("utf-16le");
    expect(textEncodingOf(utf16be("password=hunter2 ok"))).toBe("utf-16be");
    expect(textEncodingOf(Buffer.from(LINE, "utf8"))).toBe("utf-8");
    expect(textEncodingOf(Buffer.from(LINE, "latin1"))).toBe("latin1");
    // An unknown charset is no declaration.
    expect(textEncodingOf(Buffer.from(LINE, "latin1"), "x-no-such-charset")).toBe("latin1");
    expect(textEncodingOf(Buffer.from(LINE, "utf8"), "x-no-such-charset")).toBe("utf-8");
    // A stray NUL in UTF-8 text is not UTF-16.
    expect(textEncodingOf(Buffer.from("a\u0000bcdefgh", "utf8"))).toBe("utf-8");
  });
});

describe("decodeTextBytes", () => {
  it("reads each encoding as text and writes an edit back in it", () => {
    const latin = decodeTextBytes(Buffer.from(`${LINE} password=hunter2`, "latin1"), "latin1");
    expect(latin.text).toBe(`${LINE} password=hunter2`);
    expect(latin.encode(latin.text.replace("hunter2", "[Filtered]")).equals(Buffer.from(`${LINE} password=[Filtered]`, "latin1"))).toBe(true);
    const be = decodeTextBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(LINE)]), "utf-16be");
    expect(be.text).toBe(`\uFEFF${LINE}`);
    expect(be.encode(be.text.replace("café", "tea")).equals(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(LINE.replace("café", "tea"))]))).toBe(true);
  });

  it("gives any bytes back exactly in every encoding it could choose (an odd UTF-16 byte, lone surrogates, invalid UTF-8 read as latin1)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(undefined, "utf-8", "utf-16", "utf-16be", "iso-8859-1"), (raw, charset) => {
        const bytes = Buffer.from(raw);
        const decoded = decodeTextBytes(bytes, textEncodingOf(bytes, charset));
        expect(decoded.encode(decoded.text).equals(bytes)).toBe(true);
      }),
    );
  });
});
