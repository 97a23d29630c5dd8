import { describe, expect, it } from "vitest";
import { distinctFilenames } from "@/lib/attachments/distinctFilenames";

const names = (items: { eventId: string; filename: string }[], max = 255) => distinctFilenames(items, max).map((i) => i.filename);

describe("distinctFilenames", () => {
  it("numbers a name an event already has in the request, before its extension", () => {
    expect(names([{ eventId: "e1", filename: "app.log" }, { eventId: "e1", filename: "app.log" }, { eventId: "e1", filename: "app.log" }])).toEqual(["app.log", "app (2).log", "app (3).log"]);
    expect(names([{ eventId: "e1", filename: "attachment" }, { eventId: "e1", filename: "attachment" }])).toEqual(["attachment", "attachment (2)"]);
  });

  it("leaves names alone across events and when they differ", () => {
    expect(names([{ eventId: "e1", filename: "app.log" }, { eventId: "e2", filename: "app.log" }, { eventId: "e1", filename: "db.log" }])).toEqual(["app.log", "app.log", "db.log"]);
  });

  it("stays within the longest name stored", () => {
    const long = `${"x".repeat(20)}.log`;
    const out = names([{ eventId: "e1", filename: long }, { eventId: "e1", filename: long }], 24);
    expect(out[1]).toBe(`${"x".repeat(16)} (2).log`);
    expect(out[1].length).toBeLessThanOrEqual(24);
  });
});
