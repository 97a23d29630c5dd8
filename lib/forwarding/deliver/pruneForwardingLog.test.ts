import { describe, expect, it } from "vitest";
import { uuidv7Floor } from "@/lib/forwarding/deliver/pruneForwardingLog";
import { uuidv7 } from "@/lib/ids/uuidv7";

describe("uuidv7Floor", () => {
  it("sorts below every id of its millisecond and above every earlier one", () => {
    const at = Date.parse("2026-11-25T10:00:00.123Z");
    const floor = uuidv7Floor(at);
    expect(floor).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7000-8000-000000000000$/);
    for (let i = 0; i < 50; i++) {
      expect(uuidv7(at) >= floor).toBe(true);
      expect(uuidv7(at - 1) < floor).toBe(true);
    }
  });
});
