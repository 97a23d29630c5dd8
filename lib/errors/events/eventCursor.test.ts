import { describe, expect, it } from "vitest";
import { decodeEventCursor, encodeEventCursor } from "@/lib/errors/events/eventCursor";

describe("event cursors", () => {
  it("round-trip and refuse anything else with a 422 naming cursor", () => {
    const cursor = { occurredAt: new Date("2026-01-02T03:04:05.678Z"), id: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" };
    expect(decodeEventCursor(encodeEventCursor(cursor))).toEqual(cursor);
    for (const bad of ["", "x", Buffer.from("2026-01-02T03:04:05.678Z|nope").toString("base64url"), "%%%"]) {
      expect(() => decodeEventCursor(bad)).toThrow(expect.objectContaining({ status: 422, details: { issues: [expect.objectContaining({ path: "cursor" })] } }));
    }
  });
});
