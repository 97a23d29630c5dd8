import { describe, expect, it } from "vitest";
import { SetReleaseCommitsSchema } from "@/lib/releases/commits/releaseCommitSchemas";

describe("SetReleaseCommitsSchema", () => {
  it("takes git log's fields, lower-cases hashes and fills defaults", () => {
    const parsed = SetReleaseCommitsSchema.parse({ commits: [{ sha: "4F2A9C1E0B", author: { name: "Ada", email: "ada@example.com" }, timestamp: "2026-12-05T10:00:00+01:00", files: ["src/a.ts"] }, { sha: "1234567" }] });
    expect(parsed.commits).toEqual([
      { sha: "4f2a9c1e0b", message: "", author: { name: "Ada", email: "ada@example.com" }, timestamp: "2026-12-05T10:00:00+01:00", files: ["src/a.ts"] },
      { sha: "1234567", message: "", files: [] },
    ]);
  });

  it("names the field of a bad or repeated commit", () => {
    const issues = (input: unknown) => SetReleaseCommitsSchema.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(issues({ commits: [{ sha: "xyz" }] })).toEqual(["commits.0.sha"]);
    expect(issues({ commits: [{ sha: "abcdef1" }, { sha: "ABCDEF1" }] })).toEqual(["commits.1.sha"]);
    expect(issues({ commits: [{ sha: "abcdef1", timestamp: "yesterday" }] })).toEqual(["commits.0.timestamp"]);
    expect(issues({ commits: [{ sha: "abcdef1", files: [""] }] })).toEqual(["commits.0.files.0"]);
    expect(issues({ commits: [], extra: 1 })).toEqual([""]);
    expect(issues({ commits: Array.from({ length: 1001 }, (_, i) => ({ sha: (0x1000000 + i).toString(16) })) })).toEqual(["commits"]);
  });
});
