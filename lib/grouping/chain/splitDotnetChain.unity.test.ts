import { describe, expect, it } from "vitest";
import { groupEvent } from "@/lib/grouping/groupEvent";

describe("Unity's log stack traces", () => {
  it("end the exception's message where the frames (printed without 'at') begin", () => {
    const text = [
      "InvalidOperationException: Inventory slot 12 is locked",
      "Inventory.Take (System.Int32 slot) (at Assets/Scripts/Inventory/Inventory.cs:88)",
      "LootChest.Open () (at Assets/Scripts/World/LootChest.cs:31)",
      "UnityEngine.Events.InvokableCall.Invoke () (at /home/bokken/build/output/unity/unity/Runtime/Export/UnityEvent/UnityEvent.cs:178)",
    ].join("\n");
    const grouped = groupEvent({ type: "Error", message: "", stackTrace: text });
    expect(grouped).toMatchObject({ type: "InvalidOperationException", message: "Inventory slot 12 is locked" });
    expect(grouped.exceptions[0].frames.map((f) => f.function)).toEqual(["Invoke", "Open", "Take"]);
  });
});
