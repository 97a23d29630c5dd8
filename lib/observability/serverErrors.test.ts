import { describe, expect, it } from "vitest";
import { onServerError, reportServerError, routeOf } from "@/lib/observability/serverErrors";

describe("server error reporting", () => {
  it("turns request URLs into low-cardinality routes", () => {
    expect(routeOf("http://h/api/v1/errors/0190a000-0000-7000-8000-000000000001?x=1")).toBe("/api/v1/errors/:id");
    expect(routeOf("http://h/api/42/envelope/")).toBe("/api/:id/envelope/");
    expect(routeOf("http://h/api/v1/me")).toBe("/api/v1/me");
    expect(routeOf("not a url")).toBe("");
  });

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
