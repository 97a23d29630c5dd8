import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { errorPayload } from "@/lib/http/errorPayload";

describe("ApiError across copies of the module", () => {
  it("is recognised when another copy of lib/ made it (the fast path's bundle and Next.js's share limiters)", async () => {
    // A second, independent instance of the module, as the esbuild bundle of the fast path has.
    const specifier = "@/lib/http/ApiError?another-copy";
    const other = (await import(/* @vite-ignore */ specifier)) as typeof import("@/lib/http/ApiError");
    expect(other.ApiError).not.toBe(ApiError);
    const refusal = new other.ApiError(429, "rate_limited", "slow down", undefined, { "retry-after": "7" });
    expect(refusal instanceof ApiError).toBe(true);
    expect(errorPayload(refusal)).toMatchObject({ status: 429, headers: { "retry-after": "7" }, body: { error: { code: "rate_limited" } } });
  });

  it("is not any error", () => {
    expect(new Error("x") instanceof ApiError).toBe(false);
    expect(Object.assign(new Error("x"), { status: 400, code: "bad_request" }) instanceof ApiError).toBe(false);
    expect((null as unknown) instanceof ApiError).toBe(false);
    expect(ApiError.badRequest("x") instanceof ApiError).toBe(true);
    expect(ApiError.badRequest("x") instanceof Error).toBe(true);
  });
});

describe("ApiError.invalidField", () => {
  it("says a sentence, naming the field beside it, not in it", () => {
    const { status, body } = errorPayload(ApiError.invalidField("currentPassword", "That is not your current password."));
    expect(status).toBe(422);
    expect(body.error).toEqual({
      code: "validation_failed",
      message: "That is not your current password.",
      field: "currentPassword",
      issues: [{ path: "currentPassword", message: "That is not your current password." }],
    });
  });
});
