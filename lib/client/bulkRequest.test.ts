import { describe, expect, it } from "vitest";
import { selectionOf } from "@/lib/client/bulkRequest";

describe("selectionOf", () => {
  it("keeps every filter of the list, the environment too, so 'all matching' is what the list shows", () => {
    const selection = selectionOf({ workspaceId: "w", environment: "staging", severity: "high", query: "is:unresolved", since: "2026-03-09T13:00:00.000Z" }, "ws-1");
    expect(selection).toMatchObject({ workspaceId: "ws-1", environment: "staging", severity: "high", query: "is:unresolved", since: "2026-03-09T13:00:00.000Z" });
  });
});
