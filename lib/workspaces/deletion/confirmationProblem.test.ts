import { describe, expect, it } from "vitest";
import { confirmationProblem } from "@/lib/workspaces/deletion/confirmationProblem";

describe("confirmationProblem", () => {
  it("accepts the workspace's name typed again, surrounding spaces aside", () => {
    expect(confirmationProblem("Acme scratch", "Acme scratch")).toBeNull();
    expect(confirmationProblem("  Acme scratch\n", "Acme scratch")).toBeNull();
  });

  it("asks for the name when none was typed", () => {
    expect(confirmationProblem(undefined, "Acme")).toBe("type the workspace's name to delete it");
    expect(confirmationProblem("   ", "Acme")).toBe("type the workspace's name to delete it");
  });

  it("refuses anything else: another case, part of the name, the slug", () => {
    for (const typed of ["acme scratch", "Acme", "Acme  scratch", "acme-scratch-1a2b3c"]) {
      expect(confirmationProblem(typed, "Acme scratch"), typed).toBe("does not match the workspace's name");
    }
  });
});
