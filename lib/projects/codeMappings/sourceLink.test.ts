import { describe, expect, it } from "vitest";
import { CodeMappingSchema, readCodeMappings } from "@/lib/projects/codeMappings/codeMappingSchema";
import { normaliseStackPath, releaseCommit, sourceLink } from "@/lib/projects/codeMappings/sourceLink";

const mapping = (settings: Record<string, unknown>) => CodeMappingSchema.parse(settings);
const github = mapping({ stackRoot: "/srv/app/", repositoryUrl: "https://github.com/acme/shop" });

describe("sourceLink", () => {
  it("links a frame under the stack root to the file at the default branch", () => {
    expect(sourceLink(["/srv/app/src/cart.ts"], 42, [github], null)).toBe("https://github.com/acme/shop/blob/main/src/cart.ts#L42");
    expect(sourceLink(["/srv/app/src/cart.ts"], undefined, [github], "shop@1.4.2")).toBe("https://github.com/acme/shop/blob/main/src/cart.ts");
    expect(sourceLink(["/usr/lib/node_modules/express/index.js"], 1, [github], null)).toBeUndefined();
    expect(sourceLink([undefined], 1, [github], null)).toBeUndefined();
  });

  it("uses the release's commit when it names one", () => {
    expect(sourceLink(["/srv/app/src/cart.ts"], 7, [github], "4f2a9c1e0b")).toBe("https://github.com/acme/shop/blob/4f2a9c1e0b/src/cart.ts#L7");
    expect(sourceLink(["/srv/app/src/cart.ts"], 7, [github], "shop@4f2a9c1")).toBe("https://github.com/acme/shop/blob/4f2a9c1/src/cart.ts#L7");
    expect(releaseCommit("1.4.2")).toBeUndefined();
    expect(releaseCommit("backend-2026.12.06")).toBeUndefined();
  });

  it("tries the filename, then the absolute path, by the longest stack root", () => {
    const python = [mapping({ stackRoot: "", repositoryUrl: "https://github.com/acme/api" }), mapping({ stackRoot: "/srv/venv/", repositoryUrl: "https://github.com/acme/vendored" })];
    expect(sourceLink(["app/views.py", "/srv/app/app/views.py"], 8, python, null)).toBe("https://github.com/acme/api/blob/main/app/views.py#L8");
    expect(sourceLink(["requests/api.py", "/srv/venv/requests/api.py"], 2, python, null)).toBe("https://github.com/acme/vendored/blob/main/requests/api.py#L2");
  });

  it("prefers the longest matching stack root, and prefixes the source root", () => {
    const mappings = [
      mapping({ stackRoot: "", repositoryUrl: "https://github.com/acme/shop", sourceRoot: "backend" }),
      mapping({ stackRoot: "vendor/acme/", repositoryUrl: "https://github.com/acme/toolkit/", sourceRoot: "src/", defaultBranch: "release/2.x" }),
    ];
    expect(sourceLink(["app/views.py"], 3, mappings, null)).toBe("https://github.com/acme/shop/blob/main/backend/app/views.py#L3");
    expect(sourceLink(["vendor/acme/money.py"], 9, mappings, null)).toBe("https://github.com/acme/toolkit/blob/release/2.x/src/money.py#L9");
  });

  it("speaks GitLab, Bitbucket and Azure DevOps by host, and templates for the rest", () => {
    const at = (repositoryUrl: string, release: string | null = null) => sourceLink(["/srv/app/lib/a b.rb"], 5, [mapping({ stackRoot: "/srv/app", repositoryUrl })], release);
    expect(at("https://gitlab.example.com/acme/shop.git")).toBe("https://gitlab.example.com/acme/shop/-/blob/main/lib/a%20b.rb#L5");
    expect(at("https://bitbucket.org/acme/shop")).toBe("https://bitbucket.org/acme/shop/src/main/lib/a%20b.rb#lines-5");
    expect(at("https://dev.azure.com/acme/shop/_git/shop", "9f8e7d6c")).toBe(
      "https://dev.azure.com/acme/shop/_git/shop?path=/lib/a%20b.rb&version=GC9f8e7d6c&line=5&lineEnd=6&lineStartColumn=1&lineEndColumn=1",
    );
    expect(at("https://git.acme.dev/acme/shop/src/branch/{ref}/{path}#L{line}")).toBe("https://git.acme.dev/acme/shop/src/branch/main/lib/a%20b.rb#L5");
  });

  it("reads the paths bundlers, runtimes and Windows write", () => {
    expect(normaliseStackPath("webpack://shop/./src/cart.ts")).toBe("src/cart.ts");
    expect(normaliseStackPath("webpack:///./src/cart.ts")).toBe("src/cart.ts");
    expect(normaliseStackPath("app:///dist/main.js")).toBe("dist/main.js");
    expect(normaliseStackPath("file:///srv/app/x.py")).toBe("/srv/app/x.py");
    expect(normaliseStackPath("C:\\build\\Shop\\Cart.cs")).toBe("C:/build/Shop/Cart.cs");
    const windows = mapping({ stackRoot: "C:\\build\\Shop\\", repositoryUrl: "https://github.com/acme/shop", sourceRoot: "src/Shop" });
    expect(sourceLink(["C:\\build\\Shop\\Cart.cs"], 12, [windows], null)).toBe("https://github.com/acme/shop/blob/main/src/Shop/Cart.cs#L12");
  });
});

describe("code mapping settings", () => {
  it("fill defaults, refuse what is not a repository URL, and drop stored entries that no longer parse", () => {
    expect(mapping({ stackRoot: "/srv/app/", repositoryUrl: "https://github.com/acme/shop" })).toEqual({
      stackRoot: "/srv/app/",
      sourceRoot: "",
      repositoryUrl: "https://github.com/acme/shop",
      defaultBranch: "main",
    });
    expect(CodeMappingSchema.safeParse({ stackRoot: "", repositoryUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(CodeMappingSchema.safeParse({ stackRoot: "", repositoryUrl: "https://github.com/a/b", defaultBranch: "has space" }).success).toBe(false);
    expect(readCodeMappings([{ stackRoot: "", repositoryUrl: "https://github.com/a/b" }, { nonsense: true }, "x"])).toHaveLength(1);
    expect(readCodeMappings(null)).toEqual([]);
  });
});
