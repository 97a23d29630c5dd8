import { describe, expect, it } from "vitest";
import { onServerError, reportServerError } from "@/lib/observability/serverErrors";

describe("server error reporting", () => {
  it("hands errors to every listener, and a throwing listener to nobody's harm", () => {
    const seen: string[] = [];
    const offA = onServerError(() => {
      throw new Error("listener bug");
    });
    const offB = onServerError((error, context) => seen.push(`${(error as Error).message}@${context.where}`));
    expect(() => reportServerError(new Error("boom"), { where: "job:x" })).not.toThrow();
    expect(seen).toEqual(["boom@job:x"]);
    offA();
    offB();
    reportServerError(new Error("after"), { where: "http" });
    expect(seen).toHaveLength(1);
  });
});
