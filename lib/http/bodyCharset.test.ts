import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { declaredCharset, utf8Body } from "@/lib/http/bodyCharset";

const head = (contentType?: string) => ({ headers: new Headers(contentType === undefined ? {} : { "content-type": contentType }) });
const json = '{"type":"Erreur","message":"café à 5 €, 日本"}';

describe("declaredCharset", () => {
  it("is undefined for UTF-8 and for no charset at all", () => {
    for (const type of [undefined, "application/json", "application/json; charset=utf-8", "application/json;charset=UTF8", 'text/plain; charset="UTF-8"', "application/json; charset="]) {
      expect(declaredCharset(head(type)), String(type)).toBeUndefined();
    }
  });

  it("reads the parameter whatever its case, quoting and position", () => {
    expect(declaredCharset(head("application/json; Charset=ISO-8859-1"))).toBe("iso-8859-1");
    expect(declaredCharset(head('application/json; foo=bar; charset="utf-16"'))).toBe("utf-16");
    expect(declaredCharset(head("application/json;charset=latin1;q=1"))).toBe("latin1");
  });
});

describe("utf8Body", () => {
  it("returns the bytes as they are for UTF-8 (no copy)", () => {
    const body = Buffer.from(json);
    expect(utf8Body(head("application/json; charset=utf-8"), body)).toBe(body);
    expect(utf8Body(head("application/json"), body)).toBe(body);
  });

  it("decodes the charsets TextDecoder knows to UTF-8", () => {
    const latin = '{"message":"café à 5"}';
    expect(utf8Body(head("application/json; charset=iso-8859-1"), Buffer.from(latin, "latin1")).toString()).toBe(latin);
    expect(utf8Body(head("application/json; charset=utf-16le"), Buffer.from(json, "utf16le")).toString()).toBe(json);
    expect(utf8Body(head("application/json; charset=shift_jis"), Buffer.from([0x22, 0x93, 0xfa, 0x96, 0x7b, 0x22])).toString()).toBe('"日本"');
  });

  it("follows the byte-order mark of utf-16 without an endianness, and drops it", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, "utf16le").swap16()]);
    expect(utf8Body(head("application/json; charset=utf-16"), le).toString()).toBe(json);
    expect(utf8Body(head("application/json; charset=utf-16"), be).toString()).toBe(json);
    expect(utf8Body(head("application/json; charset=utf-16be"), be).toString()).toBe(json);
  });

  it("replaces bytes invalid in the charset with U+FFFD, as invalid UTF-8 is", () => {
    expect(utf8Body(head("application/json; charset=utf-16le"), Buffer.from([0x22, 0x00, 0x00, 0xd8, 0x22, 0x00])).toString()).toBe('"\uFFFD"');
  });

  it("refuses a charset it cannot decode with 415 naming charset", () => {
    for (const charset of ["utf-32", "ebcdic", "x-made-up", "iso-2022-kr"]) {
      let error: unknown;
      try {
        utf8Body(head(`application/json; charset=${charset}`), Buffer.from("{}"));
      } catch (e) {
        error = e;
      }
      expect(error, charset).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 415, code: "unsupported_media_type", details: { field: "charset" } });
    }
  });
});
