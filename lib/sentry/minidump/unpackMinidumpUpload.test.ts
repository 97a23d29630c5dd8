import { describe, expect, it } from "vitest";
import type { MultipartPart } from "@/lib/http/parseMultipart";
import { buildMinidump } from "@/lib/sentry/__fixtures__/buildMinidump";
import { unpackMinidumpUpload } from "@/lib/sentry/minidump/unpackMinidumpUpload";

const dump = buildMinidump({ arch: 9, platform: 2, exceptionCode: 0xc0000005, information: 0n, address: 0x28n, pc: 0x140001234n, modules: [{ name: "C:\\Program Files\\Acme\\engine.exe", base: 0x140000000n, size: 0x10000 }] });
const field = (name: string, value: string | Buffer, filename?: string): MultipartPart => ({ name, body: Buffer.isBuffer(value) ? value : Buffer.from(value), ...(filename && { filename }) });

describe("unpackMinidumpUpload", () => {
  it("builds the crash event from the dump and the SDK's fields (JSON, bracketed, Electron's scope), other fields as extra", () => {
    const event = unpackMinidumpUpload([
      field("sentry", JSON.stringify({ environment: "production", user: { id: "u-1" } })),
      field("sentry[release]", "engine@3.0.0"),
      field("sentry[tags][gpu]", "rtx"),
      field("sentry[__proto__][polluted]", "yes"),
      field("sentry___initialScope", JSON.stringify({ tags: { channel: "beta" }, ignored: true })),
      field("_productName", "Engine"),
      field("upload_file_minidump", dump, "crash.dmp"),
    ]);
    expect(event).toMatchObject({
      environment: "production",
      user: { id: "u-1" },
      release: "engine@3.0.0",
      tags: { channel: "beta" },
      extra: { _productName: "Engine" },
      level: "fatal",
      platform: "native",
      exception: { values: [{ type: "EXCEPTION_ACCESS_VIOLATION_READ", value: "Fatal error at 0x28 in engine.exe +0x1234" }] },
      contexts: { os: { name: "Windows" }, device: { arch: "amd64" } },
    });
    expect(event.event_id).toMatch(/^[0-9a-f]{32}$/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a JSON field over 1 MiB with 413 naming it, before parsing it", () => {
    const big = `{"extra":[${"1,".repeat(600_000)}1]}`;
    for (const name of ["sentry", "sentry___initialScope"]) {
      expect(() => unpackMinidumpUpload([field(name, big), field("upload_file_minidump", dump, "crash.dmp")])).toThrow(expect.objectContaining({ status: 413, details: { field: name, limit: 1024 * 1024 } }));
    }
  });

  it("tells a dump taken on request from a crash", () => {
    const requested = buildMinidump({ arch: 9, platform: 0x8201, exceptionCode: 0xffffffff, address: 0n, pc: 0x1010n, modules: [{ name: "/opt/app/bin/app", base: 0x1000n, size: 0x1000 }] });
    expect(unpackMinidumpUpload([field("upload_file_minidump", requested, "a.dmp")])).toMatchObject({
      level: "info",
      exception: { values: [{ type: "DUMP_REQUESTED", value: "Dump taken on request (not a crash) in app +0x10" }] },
    });
  });

  it("names the field when the dump is missing or unreadable, or the JSON field is not an object", () => {
    expect(() => unpackMinidumpUpload([field("sentry[release]", "x")])).toThrow(/upload_file_minidump: missing/);
    expect(() => unpackMinidumpUpload([field("upload_file_minidump", "MDMP but not really", "a.dmp")])).toThrow(/upload_file_minidump: not a minidump/);
    expect(() => unpackMinidumpUpload([field("sentry", "[1,2]"), field("upload_file_minidump", dump, "a.dmp")])).toThrow(/sentry: expected a JSON object/);
  });
});
