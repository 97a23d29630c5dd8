import { describe, expect, it } from "vitest";
import { parseMultipart } from "@/lib/http/parseMultipart";

const CRLF = "\r\n";
const body = Buffer.concat([
  Buffer.from(`preamble${CRLF}--XyZ${CRLF}Content-Disposition: form-data; name="sentry[release]"${CRLF}${CRLF}engine@2.1.0${CRLF}`),
  Buffer.from(`--XyZ${CRLF}Content-Disposition: form-data; name="upload_file_minidump"; filename="a \\"b\\".dmp"${CRLF}Content-Type: application/octet-stream${CRLF}${CRLF}`),
  Buffer.from([0x4d, 0x44, 0x4d, 0x50, 0x0d, 0x0a, 0x00, 0xff]),
  Buffer.from(`${CRLF}--XyZ--${CRLF}`),
]);

describe("parseMultipart", () => {
  it("splits fields and files, binary bodies intact", () => {
    const parts = parseMultipart(body, 'multipart/form-data; boundary="XyZ"');
    expect(parts.map((p) => [p.name, p.filename, p.contentType, p.body.toString("hex")])).toEqual([
      ["sentry[release]", undefined, undefined, Buffer.from("engine@2.1.0").toString("hex")],
      ["upload_file_minidump", 'a "b".dmp', "application/octet-stream", "4d444d500d0a00ff"],
    ]);
  });

  it("keeps what came of a truncated upload", () => {
    const parts = parseMultipart(body.subarray(0, body.length - 12), "multipart/form-data; boundary=XyZ");
    expect(parts).toHaveLength(2);
    expect(parts[1].body.subarray(0, 4).toString()).toBe("MDMP");
  });

  it("answers 400 naming what is wrong", () => {
    expect(() => parseMultipart(body, "application/octet-stream")).toThrow(/content-type: expected multipart\/form-data/);
    expect(() => parseMultipart(Buffer.from("nothing here"), "multipart/form-data; boundary=XyZ")).toThrow(/boundary never appears/);
    expect(() => parseMultipart(Buffer.from(`--XyZ${CRLF}Content-Disposition: form-data; name="a"`), "multipart/form-data; boundary=XyZ")).toThrow(/no end of headers/);
  });

  it("refuses more than 1,000 parts (413) instead of dropping the rest, the dump among them", () => {
    const field = (name: string) => `--XyZ${CRLF}Content-Disposition: form-data; name="${name}"${CRLF}${CRLF}v${CRLF}`;
    const many = (n: number) => Buffer.from(`${Array.from({ length: n }, (_, i) => field(`f${i}`)).join("")}--XyZ--${CRLF}`);
    expect(parseMultipart(many(1000), "multipart/form-data; boundary=XyZ")).toHaveLength(1000);
    expect(() => parseMultipart(many(1001), "multipart/form-data; boundary=XyZ")).toThrow(expect.objectContaining({ status: 413, message: expect.stringMatching(/at most 1000 parts/) }));
  });
});
