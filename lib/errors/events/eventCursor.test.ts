import { describe, expect, it } from "vitest";
import { decodeEventCursor, encodeEventCursor } from "@/lib/errors/events/eventCursor";

describe("event cursors", () => {
  it("round-trip and refuse anything else with a 422 naming cursor", () => {
    const cursor = { occurredAt: new Date("2026-01-02T03:04:05.678Z"), id: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" };
    expect(decodeEventCursor(encodeEventCursor(cursor))).toEqual(cursor);
    const year0 = Buffer.from("0000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000").toString("base64url");
    for (const bad of ["", "x", Buffer.from("2026-01-02T03:04:05.678Z|nope").toString("base64url"), "%%%", year0]) {
      expect(() => decodeEventCursor(bad)).toThrow(expect.objectContaining({ status: 422, details: { issues: [expect.objectContaining({ path: "cursor" })] } }));
    }
  });
});
