import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";

describe("culpritOf", () => {
  it("takes the innermost in-app frame", () => {
    expect(
      culpritOf([
        { function: "main", filename: "/srv/app/src/index.ts", inApp: true },
        { function: "computeInvoice", filename: "/srv/app/src/billing/invoice.ts", inApp: true },
        { function: "get", filename: "/srv/app/node_modules/lodash/get.js", inApp: false },
      ]),
    ).toBe("src/billing/invoice.ts in computeInvoice");
  });

  it("falls back to the innermost frame, strips URL origins and queries, and copes with junk", () => {
    expect(culpritOf([{ function: "checkout", filename: "http://localhost:3000/static/app.js?v=3" }])).toBe("static/app.js in checkout");
    expect(culpritOf([{ module: "app.views" }])).toBe("app.views");
    // An inline script of a page: the page's address.
    expect(culpritOf([{ function: "checkout", filename: "http://localhost:4000/", inApp: true }])).toBe("localhost:4000/ in checkout");
    expect(culpritOf([])).toBeNull();
    expect(culpritOf(null)).toBeNull();
    expect(culpritOf(["x", 1, null])).toBeNull();
  });

  it("names a native frame's binary, not its install path", () => {
    expect(culpritOf([{ module: "/private/var/containers/Bundle/Application/5B2E91C4/MyApp.app/MyApp" }])).toBe("MyApp");
    expect(culpritOf([{ module: "C:\\Program Files\\Acme\\engine.exe", function: "Parser::parse" }])).toBe("engine.exe in Parser::parse");
    expect(culpritOf([{ module: "github.com/acme/api/store", function: "(*Store).Get" }])).toBe("acme/api/store in (*Store).Get");
  });
});
