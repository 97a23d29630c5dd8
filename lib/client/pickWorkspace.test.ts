import { describe, expect, it } from "vitest";
import { pickWorkspace } from "@/lib/client/pickWorkspace";

const ops = { id: "ws-ops", name: "Ops" };
const web = { id: "ws-web", name: "Web" };

describe("pickWorkspace", () => {
  it("is the workspace ?ws= names, else the first", () => {
    expect(pickWorkspace([ops, web], "ws-web")).toEqual({ workspace: web, unknownId: null });
    expect(pickWorkspace([ops, web], null)).toEqual({ workspace: ops, unknownId: null });
    expect(pickWorkspace([ops, web], "")).toEqual({ workspace: ops, unknownId: null });
  });

  it("tells a ?ws= of no workspace of theirs apart, instead of passing the first off as it", () => {
    expect(pickWorkspace([ops, web], "ws-gone")).toEqual({ workspace: ops, unknownId: "ws-gone" });
    expect(pickWorkspace([], "ws-gone")).toEqual({ workspace: undefined, unknownId: "ws-gone" });
  });
});
