import { describe, expect, it } from "vitest";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";

describe("an event's id", () => {
  it("refuses ids made only of dots (URL paths resolve them away: the event could not be fetched)", () => {
    for (const eventId of [".", "..", "...", " .. "]) {
      const parsed = IngestEventSchema.safeParse({ type: "E", eventId });
      expect(parsed.success, eventId).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ path: ["eventId"], message: "must not be only dots" });
    }
  });

  it("accepts ids with dots among other characters", () => {
    for (const eventId of ["a.b", "..a", "1.0..2", "a..."]) expect(IngestEventSchema.safeParse({ type: "E", eventId }).success, eventId).toBe(true);
  });
});
