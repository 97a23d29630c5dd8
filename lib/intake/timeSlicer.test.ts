import { describe, expect, it } from "vitest";
import { timeSlicer } from "@/lib/intake/timeSlicer";

describe("timeSlicer", () => {
  it("lets the event loop run once a slice has passed, and not before", async () => {
    let clock = 0;
    const breathe = timeSlicer(20, () => clock);
    const ran: string[] = [];
    const other = () => setImmediate(() => ran.push("other"));

    other();
    clock = 19;
    await breathe();
    ran.push("step 1");
    clock = 20;
    await breathe();
    ran.push("step 2");
    expect(ran).toEqual(["step 1", "other", "step 2"]);
  });

  it("starts a new slice after each turn", async () => {
    let clock = 0;
    const breathe = timeSlicer(20, () => clock);
    clock = 25;
    await breathe();
    const ran: string[] = [];
    setImmediate(() => ran.push("other"));
    clock = 40;
    await breathe();
    ran.push("step");
    expect(ran).toEqual(["step"]);
  });
});
