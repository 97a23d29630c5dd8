import { describe, expect, it } from "vitest";
import { firstFreeSlug, projectSlugBase, ProjectSlugSchema } from "@/lib/projects/projectSlug";

describe("projectSlugBase", () => {
  it("is the name's slug", () => {
    expect(projectSlugBase("Checkout API")).toBe("checkout-api");
    expect(projectSlugBase("checkout!")).toBe("checkout");
    expect(projectSlugBase("  Crème brûlée / Äpfel  ")).toBe("creme-brulee-apfel");
  });

  it("falls back to project (never workspace) for a name without Latin letters or digits", () => {
    for (const name of ["支付服务", "订单服务", "Заказы", "!!!", "🚀"]) expect(projectSlugBase(name)).toBe("project");
    expect(projectSlugBase("支付服务 v2")).toBe("v2");
  });

  it("never digits only (a DSN project id)", () => {
    expect(projectSlugBase("2024")).toBe("project-2024");
    expect(projectSlugBase("42 !")).toBe("project-42");
  });

  it("stays short, without a trailing hyphen where it is cut", () => {
    const slug = projectSlugBase(`${"a".repeat(39)} tail`);
    expect(slug).toBe("a".repeat(39));
    expect(projectSlugBase("x".repeat(300))).toHaveLength(40);
  });
});

describe("firstFreeSlug", () => {
  it("keeps the base when it is free", () => {
    expect(firstFreeSlug("checkout", new Set(["billing", "checkout-2"]))).toBe("checkout");
  });

  it("suffixes -2, -3, … past the taken ones", () => {
    expect(firstFreeSlug("project", new Set(["project"]))).toBe("project-2");
    expect(firstFreeSlug("checkout", new Set(["checkout", "checkout-2", "checkout-4"]))).toBe("checkout-3");
  });
});

describe("ProjectSlugSchema", () => {
  it("takes lower-case letters, digits and single hyphens", () => {
    expect(ProjectSlugSchema.parse(" checkout-api ")).toBe("checkout-api");
    expect(ProjectSlugSchema.parse("v2")).toBe("v2");
  });

  it("refuses anything else, digits only and UUIDs", () => {
    for (const slug of ["", "Checkout", "check out", "-checkout", "checkout-", "a--b", "支付", "a_b", "123", "0190a3f2-7c1e-7b1a-8f00-0123456789ab", "x".repeat(51)]) {
      expect(ProjectSlugSchema.safeParse(slug).success, slug).toBe(false);
    }
  });
});
