import { describe, expect, it } from "vitest";
import { buildMinidump } from "@/lib/sentry/__fixtures__/buildMinidump";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { unpackEnvelope } from "@/lib/sentry/unpackEnvelope";

const dump = buildMinidump({
  arch: 9,
  platform: 0x8201,
  exceptionCode: 11,
  address: 0n,
  pc: 0x555555555169n,
  modules: [{ name: "/opt/acme/bin/engine", base: 0x555555554000n, size: 0x20000 }],
});

function envelopeOf(items: { header: Record<string, unknown>; payload: Buffer }[], header: Record<string, unknown> = {}): Buffer {
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(header)}\n`)];
  for (const item of items) parts.push(Buffer.from(`${JSON.stringify({ ...item.header, length: item.payload.length })}\n`), item.payload, Buffer.from("\n"));
  return Buffer.concat(parts);
}

const minidumpItem = { header: { type: "attachment", attachment_type: "event.minidump", filename: "crash.dmp" }, payload: dump };

describe("envelopes carrying a minidump", () => {
  it("complete the SDK's event (no exception of its own) with the crash the dump describes", () => {
    const event = { event_id: "0123456789abcdef0123456789abcdef", level: "fatal", platform: "native", release: "engine@2.1.0", timestamp: 1764700000 };
    const contents = unpackEnvelope(parseEnvelope(envelopeOf([{ header: { type: "event" }, payload: Buffer.from(JSON.stringify(event)) }, minidumpItem])));
    expect(contents.events).toHaveLength(1);
    expect(contents.events[0]).toMatchObject({
      eventId: "0123456789abcdef0123456789abcdef",
      type: "SIGSEGV",
      message: "Fatal error at 0x0 in engine +0x1169",
      severity: "critical",
      platform: "native",
      release: "engine@2.1.0",
      stackTrace: [{ module: "/opt/acme/bin/engine" }],
    });
    expect(contents.dropped).toEqual({});
    // The dump itself stays with the event: downloadable, to open in a debugger.
    expect(contents.attachments).toEqual([
      { eventId: event.event_id, filename: "crash.dmp", contentType: "application/octet-stream", attachmentType: "event.minidump", data: dump.toString("base64"), size: dump.length },
    ]);
  });

  it("keep an exception the SDK sent itself", () => {
    const event = { event_id: "0123456789abcdef0123456789abcdef", exception: { values: [{ type: "SIGABRT", value: "Abort" }] } };
    const contents = unpackEnvelope(parseEnvelope(envelopeOf([{ header: { type: "event" }, payload: Buffer.from(JSON.stringify(event)) }, minidumpItem])));
    expect(contents.events[0]).toMatchObject({ type: "SIGABRT", message: "Abort" });
  });

  it("become the event when they come alone, under the envelope's event id", () => {
    const contents = unpackEnvelope(parseEnvelope(envelopeOf([minidumpItem], { event_id: "fedcba9876543210fedcba9876543210" })));
    expect(contents.events).toEqual([expect.objectContaining({ eventId: "fedcba9876543210fedcba9876543210", type: "SIGSEGV", platform: "native" })]);
    expect(contents.attachments).toEqual([expect.objectContaining({ eventId: "fedcba9876543210fedcba9876543210", attachmentType: "event.minidump", size: dump.length })]);
  });

  it("keep the dump beside the other files, each within the attachment limits", () => {
    const log = { header: { type: "attachment", filename: "app.log", content_type: "text/plain" }, payload: Buffer.from("started\nloading level 3\n") };
    const contents = unpackEnvelope(parseEnvelope(envelopeOf([minidumpItem, log], { event_id: "fedcba9876543210fedcba9876543210" })));
    expect(contents.attachments.map((a) => [a.filename, a.attachmentType])).toEqual([
      ["crash.dmp", "event.minidump"],
      ["app.log", "event.attachment"],
    ]);
  });

  it("cut short still make the event, of what was readable (the SDK was answered 200: its crash must be stored)", () => {
    const cut = { ...minidumpItem, payload: dump.subarray(0, Math.floor(dump.length * 0.9)) };
    const contents = unpackEnvelope(parseEnvelope(envelopeOf([cut], { event_id: "fedcba9876543210fedcba9876543210" })));
    expect(contents.events).toEqual([
      expect.objectContaining({ eventId: "fedcba9876543210fedcba9876543210", type: "Minidump", message: "Native crash (truncated minidump)", severity: "critical", platform: "native" }),
    ]);
    expect(contents.events[0].context).toMatchObject({ sentry: { extra: { minidump: expect.stringContaining("truncated") }, contexts: { os: { name: "Linux" } } } });
    expect(contents.attachments).toEqual([expect.objectContaining({ eventId: "fedcba9876543210fedcba9876543210", attachmentType: "event.minidump", size: cut.payload.length })]);
    for (const size of [32, 64, Math.floor(dump.length / 2)]) {
      const shorter = unpackEnvelope(parseEnvelope(envelopeOf([{ ...minidumpItem, payload: dump.subarray(0, size) }], { event_id: "fedcba9876543210fedcba9876543210" })));
      expect(shorter.events).toEqual([expect.objectContaining({ type: "Minidump", message: "Native crash (truncated minidump)" })]);
    }
  });

  it("that is not a minidump at all make an unreadable native crash alone, and leave an event that says what happened alone", () => {
    const garbage = { ...minidumpItem, payload: Buffer.from("MDMX not really") };
    const alone = unpackEnvelope(parseEnvelope(envelopeOf([garbage], { event_id: "fedcba9876543210fedcba9876543210" })));
    expect(alone.events).toEqual([expect.objectContaining({ eventId: "fedcba9876543210fedcba9876543210", type: "Minidump", message: "Native crash (unreadable minidump)", severity: "critical", platform: "native" })]);
    expect(alone.attachments).toEqual([expect.objectContaining({ eventId: "fedcba9876543210fedcba9876543210", attachmentType: "event.minidump", size: garbage.payload.length })]);
    // Without an envelope event id: the event gets one, and the file is still its attachment.
    const anonymous = unpackEnvelope(parseEnvelope(envelopeOf([garbage])));
    expect(anonymous.events).toEqual([expect.objectContaining({ message: "Native crash (unreadable minidump)" })]);
    expect(anonymous.attachments).toEqual([expect.objectContaining({ eventId: anonymous.events[0].eventId, attachmentType: "event.minidump" })]);
    // An empty item too (an empty file is not kept).
    expect(unpackEnvelope(parseEnvelope(envelopeOf([{ ...minidumpItem, payload: Buffer.alloc(0) }]))).events).toEqual([expect.objectContaining({ message: "Native crash (unreadable minidump)" })]);
    // sentry-native's own event says nothing itself: the unreadable crash completes it.
    const silent = { event_id: "0123456789abcdef0123456789abcdef", level: "fatal", release: "engine@2.1.0" };
    const completed = unpackEnvelope(parseEnvelope(envelopeOf([{ header: { type: "event" }, payload: Buffer.from(JSON.stringify(silent)) }, garbage])));
    expect(completed.events).toEqual([expect.objectContaining({ eventId: silent.event_id, message: "Native crash (unreadable minidump)", release: "engine@2.1.0", platform: "native" })]);
    const event = { event_id: "0123456789abcdef0123456789abcdef", message: "hello" };
    const contents = unpackEnvelope(parseEnvelope(envelopeOf([{ header: { type: "event" }, payload: Buffer.from(JSON.stringify(event)) }, garbage])));
    expect(contents.events).toEqual([expect.objectContaining({ type: "Message", message: "hello" })]);
    // The dump the reader could not make sense of stays downloadable from the event.
    expect(contents.attachments).toEqual([expect.objectContaining({ eventId: event.event_id, attachmentType: "event.minidump" })]);
    expect(contents.dropped).toEqual({});
  });
});
