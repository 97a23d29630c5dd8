import { describe, expect, it } from "vitest";
import { CodeMappingSchema } from "@/lib/projects/codeMappings/codeMappingSchema";
import { deriveCodeMapping, parseRepositoryFileUrl } from "@/lib/projects/codeMappings/deriveCodeMapping";
import { sourceLink } from "@/lib/projects/codeMappings/sourceLink";

/** Derives a mapping and links the same frame with it: the link must be the file the user opened. */
function roundTrip(paths: (string | undefined)[], address: string, line: number) {
  const derived = deriveCodeMapping(paths, address);
  if (!derived.ok) throw new Error(derived.reason);
  const mapping = CodeMappingSchema.parse(derived.mapping);
  return { ...derived, link: sourceLink(paths, line, [mapping], null) };
}

describe("parseRepositoryFileUrl", () => {
  it("reads GitHub, GitLab (nested groups), Bitbucket, Azure DevOps and Gitea file addresses", () => {
    expect(parseRepositoryFileUrl("https://github.com/acme/shop/blob/main/backend/src/invoice.ts#L12")).toEqual({ repositoryUrl: "https://github.com/acme/shop", ref: "main", path: "backend/src/invoice.ts" });
    expect(parseRepositoryFileUrl("https://gitlab.example.com/group/sub/shop/-/blob/release-2/app/models/order.rb?ref_type=heads#L3")).toEqual({
      repositoryUrl: "https://gitlab.example.com/group/sub/shop",
      ref: "release-2",
      path: "app/models/order.rb",
    });
    expect(parseRepositoryFileUrl("https://bitbucket.org/acme/shop/src/4f2a9c1e0b/src/cart.py#lines-8")).toEqual({ repositoryUrl: "https://bitbucket.org/acme/shop", ref: "4f2a9c1e0b", path: "src/cart.py" });
    expect(parseRepositoryFileUrl("https://dev.azure.com/acme/Shop/_git/shop-api?path=/Src/Orders/OrderService.cs&version=GBdevelop&line=4")).toEqual({
      repositoryUrl: "https://dev.azure.com/acme/Shop/_git/shop-api",
      ref: "develop",
      path: "Src/Orders/OrderService.cs",
    });
    expect(parseRepositoryFileUrl("https://git.internal/acme/shop/src/branch/main/x.go")).toBeNull();
    expect(parseRepositoryFileUrl("https://gitea.internal/acme/shop/blob/main/cmd/server/main.go")).toMatchObject({ repositoryUrl: "https://gitea.internal/acme/shop", path: "cmd/server/main.go" });
  });

  it("refuses what is not a file address", () => {
    for (const address of ["", "not a url", "ftp://github.com/acme/shop/blob/main/x.ts", "https://github.com/acme/shop", "https://github.com/acme/shop/blob/main", "javascript:alert(1)", "https://dev.azure.com/acme/_git/shop"]) {
      expect(parseRepositoryFileUrl(address), address).toBeNull();
    }
  });
});

describe("deriveCodeMapping", () => {
  it("splits a server path and a repository path at the segments they share, and links back to the same file", () => {
    const result = roundTrip(["/srv/app/src/billing/invoice.ts"], "https://github.com/acme/shop/blob/main/backend/src/billing/invoice.ts#L12", 12);
    expect(result.mapping).toEqual({ stackRoot: "/srv/app/", sourceRoot: "backend/", repositoryUrl: "https://github.com/acme/shop", defaultBranch: "main" });
    expect(result.link).toBe("https://github.com/acme/shop/blob/main/backend/src/billing/invoice.ts#L12");
  });

  it("takes the frame's spelling that shares the most segments (filename before absolute path on a tie)", () => {
    const python = roundTrip(["app/views.py", "/srv/app/app/views.py"], "https://github.com/acme/api/blob/develop/app/views.py", 8);
    expect(python.mapping).toMatchObject({ stackRoot: "", sourceRoot: "", defaultBranch: "develop" });
    expect(python.link).toBe("https://github.com/acme/api/blob/develop/app/views.py#L8");

    const java = roundTrip(["OrderService.java", "/build/shop/src/main/java/com/acme/OrderService.java"], "https://github.com/acme/shop/blob/main/services/orders/src/main/java/com/acme/OrderService.java", 40);
    expect(java.mapping).toMatchObject({ stackRoot: "/build/shop/", sourceRoot: "services/orders/" });
    expect(java.link).toBe("https://github.com/acme/shop/blob/main/services/orders/src/main/java/com/acme/OrderService.java#L40");
  });

  it("reads bundler schemes and Windows paths as sourceLink does", () => {
    const webpack = roundTrip(["webpack://shop/./src/cart/Cart.tsx"], "https://gitlab.com/acme/web/-/blob/main/src/cart/Cart.tsx", 3);
    expect(webpack.mapping).toMatchObject({ stackRoot: "", sourceRoot: "" });
    expect(webpack.link).toBe("https://gitlab.com/acme/web/-/blob/main/src/cart/Cart.tsx#L3");

    const windows = roundTrip(["C:\\agent\\work\\1\\s\\Src\\Orders\\OrderService.cs"], "https://dev.azure.com/acme/Shop/_git/shop-api?path=/Src/Orders/OrderService.cs&version=GBmain", 4);
    expect(windows.mapping).toMatchObject({ stackRoot: "C:/agent/work/1/s/", sourceRoot: "" });
    expect(windows.link).toContain("path=/Src/Orders/OrderService.cs&version=GBmain&line=4");
  });

  it("keeps a branch, but not a commit, as the mapping's branch", () => {
    const commit = deriveCodeMapping(["/srv/app/src/cart.py"], "https://bitbucket.org/acme/shop/src/4f2a9c1e0b/src/cart.py");
    expect(commit).toMatchObject({ ok: true, refIsCommit: true, mapping: { defaultBranch: "main", stackRoot: "/srv/app/" } });
    expect(deriveCodeMapping(["/srv/app/src/cart.py"], "https://github.com/acme/shop/blob/v2.1.0/src/cart.py")).toMatchObject({ ok: true, refIsCommit: false, mapping: { defaultBranch: "v2.1.0" } });
  });

  it("says why when the address is not a file or is another file", () => {
    expect(deriveCodeMapping(["/srv/app/src/cart.py"], "https://github.com/acme/shop")).toMatchObject({ ok: false, reason: expect.stringContaining("address of the file") });
    expect(deriveCodeMapping(["/srv/app/src/cart.py"], "https://github.com/acme/shop/blob/main/src/order.py")).toEqual({ ok: false, reason: "That file is not cart.py: the file names differ." });
    expect(deriveCodeMapping([undefined], "https://github.com/acme/shop/blob/main/src/order.py")).toMatchObject({ ok: false });
  });
});
