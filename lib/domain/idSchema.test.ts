import { describe, expect, it } from "vitest";
import { IdSchema } from "@/lib/domain/idSchema";
import { MergeErrorsSchema } from "@/lib/grouping/merge/mergeSchemas";

const a = "0190e0a8-1c2b-7d3e-8f40-0123456789ab";
const b = "0190e0a8-1c2b-7d3e-8f40-0123456789ac";

describe("IdSchema", () => {
  it("spells every UUID in lower case and refuses anything else", () => {
    expect(IdSchema.parse(a.toUpperCase())).toBe(a);
    expect(IdSchema.safeParse("not-a-uuid").success).toBe(false);
  });

  it("lets id checks see an id in another case as the same id (a merge naming one issue twice is a 422)", () => {
    const repeated = MergeErrorsSchema.safeParse({ targetId: b, sourceIds: [a, a.toUpperCase()] });
    expect(repeated.success).toBe(false);
    expect(repeated.error?.issues[0]).toMatchObject({ path: ["sourceIds"], message: "must not repeat an id" });
    const target = MergeErrorsSchema.safeParse({ targetId: b, sourceIds: [b.toUpperCase()] });
    expect(target.error?.issues[0]).toMatchObject({ path: ["sourceIds"], message: "must not contain the target" });
  });
});
