import { describe, expect, it } from "vitest";
import { CodeMappingSchema } from "@/lib/projects/codeMappings/codeMappingSchema";
import { suspectCommits, type ShippedCommit, type SuspectFrame } from "@/lib/releases/commits/suspectCommits";

const commit = (sha: string, files: string[], message = `change ${sha}`, release = "web@1.0.0"): ShippedCommit => ({
  release,
  sha,
  message,
  authorName: "Ada",
  authorEmail: "ada@example.com",
  committedAt: "2026-12-05T10:00:00.000Z",
  files,
});

/** Outermost first, as events store frames: the error was raised in invoice.ts. */
const frames: SuspectFrame[] = [
  { function: "handle", absPath: "/srv/app/node_modules/express/lib/router.js", lineno: 10, inApp: false },
  { function: "checkout", absPath: "/srv/app/src/cart/checkout.ts", lineno: 40, inApp: true },
  { function: "renderInvoice", absPath: "/srv/app/src/billing/invoice.ts", lineno: 12, inApp: true },
];

describe("suspectCommits", () => {
  it("ranks commits by the innermost application frame whose file they changed, then newest first", () => {
    const commits = [
      commit("c3", ["docs/README.md"]),
      commit("c2", ["src/cart/checkout.ts"], "Cart: apply coupons before tax\n\nlong body"),
      commit("c1", ["src/billing/invoice.ts", "src/billing/tax.ts"]),
      commit("c0", ["src/billing/invoice.ts"]),
    ];
    const suspects = suspectCommits(frames, commits, []);
    expect(suspects.map((s) => s.sha)).toEqual(["c1", "c0", "c2"]);
    expect(suspects[0]).toEqual({
      sha: "c1",
      release: "web@1.0.0",
      title: "change c1",
      authorName: "Ada",
      authorEmail: "ada@example.com",
      committedAt: "2026-12-05T10:00:00.000Z",
      file: "src/billing/invoice.ts",
      frame: { function: "renderInvoice", filename: "/srv/app/src/billing/invoice.ts", lineno: 12 },
      url: null,
    });
    expect(suspects[2].title).toBe("Cart: apply coupons before tax");
  });

  it("takes the releases in the order given (the issue's first, then the event's), a commit in both once", () => {
    const commits = [
      commit("intro", ["src/billing/invoice.ts"], "Billing: new rounding", "web@1.0.0"),
      commit("shared", ["src/cart/checkout.ts"], "Cart", "web@1.0.0"),
      commit("later", ["src/billing/invoice.ts"], "Billing: tweak", "web@1.2.0"),
      commit("shared", ["src/cart/checkout.ts"], "Cart", "web@1.2.0"),
    ];
    expect(suspectCommits(frames, commits, []).map((s) => [s.sha, s.release])).toEqual([
      ["intro", "web@1.0.0"],
      ["later", "web@1.2.0"],
      ["shared", "web@1.0.0"],
    ]);
  });

  it("needs more than a file name in common, and never blames library frames", () => {
    expect(suspectCommits(frames, [commit("a", ["web/invoice.ts"]), commit("b", ["vendor/express/lib/router.js"])], [])).toEqual([]);
    expect(suspectCommits([{ absPath: "/build/main.go", inApp: true }], [commit("root", ["main.go"])], []).map((s) => s.sha)).toEqual(["root"]);
  });

  it("matches through the code mapping exactly, and links the commit in its repository", () => {
    const mappings = [CodeMappingSchema.parse({ stackRoot: "/srv/app/", sourceRoot: "services/shop/", repositoryUrl: "https://gitlab.com/acme/mono" })];
    const commits = [commit("77aa", ["services/admin/src/billing/invoice.ts"]), commit("66bb", ["services/shop/src/billing/invoice.ts"])];
    const [first, second] = suspectCommits(frames, commits, mappings);
    expect(first).toMatchObject({ sha: "66bb", url: "https://gitlab.com/acme/mono/-/commit/66bb" });
    // The other service's file only shares the tail: still a suspect, ranked after the exact one.
    expect(second).toMatchObject({ sha: "77aa" });
  });

  it("shows at most three, and nothing without commits or application frames", () => {
    const many = ["a", "b", "c", "d"].map((sha) => commit(sha, ["src/billing/invoice.ts"]));
    expect(suspectCommits(frames, many, [])).toHaveLength(3);
    expect(suspectCommits(frames, [], [])).toEqual([]);
    expect(suspectCommits([frames[0]], many, [])).toEqual([]);
  });
});
