import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { deleteWorkspaceInput } from "@/lib/workspaces/workspaceSchemas";

describe("deleteWorkspaceInput", () => {
  it("takes the confirmation from the body or the query string, or both when they name the same", () => {
    expect(deleteWorkspaceInput({}, { confirm: "Acme" })).toEqual({ confirm: "Acme" });
    expect(deleteWorkspaceInput({ confirm: "Acme" }, {})).toEqual({ confirm: "Acme" });
    expect(deleteWorkspaceInput({ confirm: "Acme " }, { confirm: "Acme" })).toEqual({ confirm: "Acme" });
    expect(deleteWorkspaceInput({}, {})).toEqual({ confirm: undefined });
  });

  it("refuses two different names (422 naming confirm), whichever would match", () => {
    const refused = (() => {
      try {
        deleteWorkspaceInput({ confirm: "nope" }, { confirm: "Acme" });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 422, details: { issues: [{ path: "confirm" }] } });
    expect(() => deleteWorkspaceInput({ confirm: "Acme" }, { confirm: "" })).toThrow(/different names/);
  });
});
