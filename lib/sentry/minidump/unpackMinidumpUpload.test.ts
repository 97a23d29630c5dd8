import { describe, expect, it } from "vitest";
import type { MultipartPart } from "@/lib/http/parseMultipart";
import { buildMinidump } from "@/lib/sentry/__fixtures__/buildMinidump";
import { encodeMsgpack } from "@/lib/sentry/__fixtures__/encodeMsgpack";
import { minidumpUploadAttachments } from "@/lib/sentry/minidump/minidumpUploadAttachments";
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

  it("names the field when the dump is missing or not a minidump at all, or the JSON field is not an object", () => {
    expect(() => unpackMinidumpUpload([field("sentry[release]", "x")])).toThrow(expect.objectContaining({ status: 400, message: expect.stringMatching(/upload_file_minidump: missing/), details: { field: "upload_file_minidump" } }));
    expect(() => unpackMinidumpUpload([field("upload_file_minidump", "MDMP but not really", "a.dmp")])).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(/upload_file_minidump: not a minidump/), details: { field: "upload_file_minidump" } }),
    );
    expect(() => unpackMinidumpUpload([field("sentry", "[1,2]"), field("upload_file_minidump", dump, "a.dmp")])).toThrow(expect.objectContaining({ message: expect.stringMatching(/sentry: expected a JSON object/), details: { field: "sentry" } }));
  });

  it("makes the event of a dump cut short from what was readable, with the SDK's fields", () => {
    for (const size of [32, 64, Math.floor(dump.length / 2), Math.floor(dump.length * 0.9)]) {
      const event = unpackMinidumpUpload([field("sentry[release]", "engine@3.0.0"), field("upload_file_minidump", dump.subarray(0, size), "a.dmp")]);
      expect(event).toMatchObject({ release: "engine@3.0.0", level: "fatal", platform: "native", exception: { values: [{ type: "Minidump", value: "Native crash (truncated minidump)" }] } });
      expect(event.extra).toMatchObject({ minidump: expect.stringContaining("truncated") });
    }
  });
});

describe("a sentry-native Crashpad upload", () => {
  const crumb = (message: string, second: number) => ({ timestamp: `2026-01-01T00:00:${String(second).padStart(2, "0")}.000Z`, type: "default", message });
  // The two ring files take turns: the newest breadcrumbs may be in either.
  const ring1 = Buffer.concat([crumb("opened level 4", 4), crumb("loaded textures", 5)].map(encodeMsgpack));
  const ring2 = Buffer.concat([crumb("started", 1), crumb("signed in", 2), crumb("opened level 3", 3)].map(encodeMsgpack));
  const parts = [
    field("__sentry-event", encodeMsgpack({ release: "engine@3.1.0", level: "fatal", breadcrumbs: [] }), "__sentry-event"),
    field("__sentry-breadcrumb1", ring1, "__sentry-breadcrumb1"),
    field("__sentry-breadcrumb2", ring2, "__sentry-breadcrumb2"),
    field("upload_file_minidump", dump, "crash.dmp"),
    field("app.log", "render thread stalled\n", "app.log"),
    field("_productName", "Engine"),
  ];

  it("merges the breadcrumb files into the event, oldest first", () => {
    const event = unpackMinidumpUpload(parts);
    expect(event.release).toBe("engine@3.1.0");
    expect((event.breadcrumbs as { message: string }[]).map((c) => c.message)).toEqual(["started", "signed in", "opened level 3", "opened level 4", "loaded textures"]);
    // Files are attachments, never `extra`.
    expect(event.extra).toEqual({ _productName: "Engine" });
  });

  it("keeps the dump and the app's files as the event's attachments, not sentry-native's own files", () => {
    const attachments = minidumpUploadAttachments(parts, "0123456789abcdef0123456789abcdef");
    expect(attachments).toEqual([
      { eventId: "0123456789abcdef0123456789abcdef", filename: "crash.dmp", contentType: "application/octet-stream", attachmentType: "event.minidump", data: dump.toString("base64"), size: dump.length },
      { eventId: "0123456789abcdef0123456789abcdef", filename: "app.log", contentType: "text/plain", attachmentType: "event.attachment", data: Buffer.from("render thread stalled\n").toString("base64"), size: 22, textEncoding: "utf-8" },
    ]);
  });

  it("keeps at most as many files as an envelope, each within the size limit", () => {
    const many = [field("upload_file_minidump", dump, "crash.dmp"), ...Array.from({ length: 30 }, (_, i) => field(`f${i}`, "x", `f${i}.txt`)), field("huge", Buffer.alloc(11 * 1024 * 1024, 1), "huge.bin")];
    const attachments = minidumpUploadAttachments(many, "0123456789abcdef0123456789abcdef");
    expect(attachments).toHaveLength(20);
    expect(attachments[0].attachmentType).toBe("event.minidump");
    expect(attachments.some((a) => a.filename === "huge.bin")).toBe(false);
  });
});
