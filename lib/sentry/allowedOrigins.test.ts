import { describe, expect, it } from "vitest";
import { normaliseAllowedOrigin, originAllowed } from "@/lib/sentry/allowedOrigins";
import { UpdateProjectSchema } from "@/lib/projects/projectSchemas";

describe("normaliseAllowedOrigin", () => {
  it("saves an entry as browsers send origins: lower case, no trailing slash, no default port, an international domain in ASCII", () => {
    expect(normaliseAllowedOrigin(" https://App.Example.com/ ")).toBe("https://app.example.com");
    expect(normaliseAllowedOrigin("https://app.example.com:443")).toBe("https://app.example.com");
    expect(normaliseAllowedOrigin("http://app.example.com:80")).toBe("http://app.example.com");
    expect(normaliseAllowedOrigin("http://localhost:3000")).toBe("http://localhost:3000");
    expect(normaliseAllowedOrigin("https://app.example.com:8443")).toBe("https://app.example.com:8443");
    expect(normaliseAllowedOrigin("https://bücher.example")).toBe("https://xn--bcher-kva.example");
    expect(normaliseAllowedOrigin("http://[::1]:8080")).toBe("http://[::1]:8080");
    expect(normaliseAllowedOrigin("*")).toBe("*");
  });

  it("keeps a leading *. label and entries without a scheme, as Sentry's Allowed Domains take them", () => {
    expect(normaliseAllowedOrigin("https://*.Shop.test")).toBe("https://*.shop.test");
    expect(normaliseAllowedOrigin("https://*.shop.test:443")).toBe("https://*.shop.test");
    expect(normaliseAllowedOrigin("*.shop.test")).toBe("*.shop.test");
    expect(normaliseAllowedOrigin("shop.test")).toBe("shop.test");
    expect(normaliseAllowedOrigin("localhost:3000")).toBe("localhost:3000");
  });

  it("refuses what could never match an origin", () => {
    for (const bad of ["not an origin", "https://a*b.example", "https://*", "https://*.*.example", "*.", "https://x.example/path", "https://x.example?q=1", "https://u:p@x.example", "ftp://x.example", "chrome-extension://abc", "https://x.example:99999", "https://", ""]) {
      expect(normaliseAllowedOrigin(bad), bad).toBeNull();
    }
  });

  it("is what the project settings save, and a 422 naming the entry otherwise", () => {
    expect(UpdateProjectSchema.parse({ allowedOrigins: ["https://*.shop.test/", "https://x.example:443"] }).allowedOrigins).toEqual(["https://*.shop.test", "https://x.example"]);
    const bad = UpdateProjectSchema.safeParse({ allowedOrigins: ["https://ok.example", "https://a*.example"] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(["allowedOrigins", 1]);
  });
});

describe("originAllowed", () => {
  it("allows a listed origin and refuses others", () => {
    expect(originAllowed("https://app.example", ["https://app.example"])).toBe(true);
    expect(originAllowed("https://evil.example", ["https://app.example"])).toBe(false);
    expect(originAllowed("http://app.example", ["https://app.example"])).toBe(false);
    expect(originAllowed("https://app.example:8443", ["https://app.example"])).toBe(false);
    expect(originAllowed("null", ["https://app.example"])).toBe(false);
    expect(originAllowed("https://anything.example", ["https://app.example", "*"])).toBe(true);
  });

  it("allows a domain and its subdomains at any depth for a *. entry, and nothing that merely ends alike", () => {
    const allowed = ["https://*.shop.test"];
    expect(originAllowed("https://app.shop.test", allowed)).toBe(true);
    expect(originAllowed("https://eu.app.shop.test", allowed)).toBe(true);
    expect(originAllowed("https://shop.test", allowed)).toBe(true);
    expect(originAllowed("https://evilshop.test", allowed)).toBe(false);
    expect(originAllowed("https://shop.test.evil.example", allowed)).toBe(false);
    expect(originAllowed("http://app.shop.test", allowed)).toBe(false);
    expect(originAllowed("https://app.shop.test:8443", allowed)).toBe(false);
    expect(originAllowed("https://app.shop.test:8443", ["https://*.shop.test:8443"])).toBe(true);
  });

  it("allows either scheme for an entry without one, on the scheme's default port unless it names one", () => {
    expect(originAllowed("http://shop.test", ["shop.test"])).toBe(true);
    expect(originAllowed("https://shop.test", ["shop.test"])).toBe(true);
    expect(originAllowed("https://a.shop.test", ["*.shop.test"])).toBe(true);
    expect(originAllowed("https://shop.test:8443", ["shop.test"])).toBe(false);
    expect(originAllowed("http://localhost:3000", ["localhost:3000"])).toBe(true);
  });

  it("matches an entry saved with a default port before ports were normalised, and an origin sent with one", () => {
    expect(originAllowed("https://app.example.com", ["https://app.example.com:443"])).toBe(true);
    expect(originAllowed("https://app.example.com:443", ["https://app.example.com"])).toBe(true);
    expect(originAllowed("http://app.example.com", ["http://app.example.com:80"])).toBe(true);
  });
});
