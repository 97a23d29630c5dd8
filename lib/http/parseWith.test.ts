import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "@/lib/http/ApiError";
import { parseSearchParams, queryFields } from "@/lib/http/parseWith";

const csv = z
  .string()
  .transform((s) => s.split(",").filter(Boolean))
  .pipe(z.array(z.enum(["low", "high", "critical"])));

const Query = z
  .object({
    workspaceId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    severity: csv.optional(),
    ids: z.array(z.string()).max(5).optional(),
  })
  .refine(() => true);

const request = (search: string) => new Request(`http://localhost/api/v1/x?${search}`);
const refusal = (search: string) => {
  try {
    parseSearchParams(Query, request(search));
  } catch (error) {
    return error;
  }
  throw new Error(`accepted ${search}`);
};

describe("parseSearchParams: a parameter sent twice", () => {
  it("is a 400 naming it when the field takes one value (no last-wins)", () => {
    for (const [search, field] of [
      ["limit=1&limit=2", "limit"],
      ["limit=5&limit=5", "limit"],
      ["workspaceId=0190a3f2-7c1e-7b1a-8f00-0123456789ab&workspaceId=0190a3f2-7c1e-7b1a-8f00-0123456789ac", "workspaceId"],
      ["unknown=a&unknown=b", "unknown"],
    ]) {
      const error = refusal(search);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 400, code: "bad_request", details: { field } });
      expect((error as ApiError).message).toBe(`query parameter ${field} is sent 2 times: send it once`);
    }
  });

  it("passes every value to a list field, and joins a comma-separated one", () => {
    expect(parseSearchParams(Query, request("ids=a&ids=b&limit=3"))).toEqual({ ids: ["a", "b"], limit: 3 });
    expect(parseSearchParams(Query, request("ids=a"))).toEqual({ ids: ["a"], limit: 25 });
    expect(parseSearchParams(Query, request("severity=low&severity=high,critical"))).toEqual({ severity: ["low", "high", "critical"], limit: 25 });
  });

  it("leaves parameters sent once as they were", () => {
    expect(parseSearchParams(Query, request("limit=7&severity=high"))).toEqual({ limit: 7, severity: ["high"] });
    expect(queryFields(Query, new URLSearchParams("limit=1&q=%00"))).toEqual({ limit: "1", q: "\uFFFD" });
  });

  it("names a long repeated parameter cut short", () => {
    const name = "x".repeat(500);
    expect(refusal(`${name}=1&${name}=2`)).toMatchObject({ details: { field: "x".repeat(60) } });
  });
});
