import { describe, expect, it } from "vitest";
import { eventIdForms } from "@/lib/errors/events/eventIdForms";

describe("eventIdForms", () => {
  it("finds a UUID event id with or without dashes, in either case", () => {
    const hex = "6f1c2d3e4a5b46c7889900aabbccddee";
    const dashed = "6f1c2d3e-4a5b-46c7-8899-00aabbccddee";
    expect(eventIdForms(dashed)).toEqual([dashed, hex]);
    expect(eventIdForms(hex)).toEqual([hex, dashed]);
    expect(eventIdForms(dashed.toUpperCase())).toEqual([dashed.toUpperCase(), hex, dashed]);
  });

  it("keeps any other id as written", () => {
    expect(eventIdForms("order-42:retry")).toEqual(["order-42:retry"]);
  });
});
