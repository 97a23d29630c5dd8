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

  it("when the SDK marked no frame in-app, takes the innermost one that is not a dependency's or the SDK's", () => {
    // sentry-ruby's capture_message from a script outside app/ and lib/: every frame in_app=false.
    expect(
      culpritOf([
        { function: "<main>", filename: "rb.rb", absPath: "/tmp/probe/rb.rb", lineno: 36, inApp: false },
        { function: "capture_message", filename: "sentry-ruby.rb", absPath: "/usr/share/rubygems-integration/all/gems/sentry-ruby-core-5.3.0/lib/sentry-ruby.rb", inApp: false },
        { function: "capture_message", filename: "sentry/hub.rb", absPath: "/usr/local/bundle/gems/sentry-ruby-5.3.0/lib/sentry/hub.rb", inApp: false },
      ]),
    ).toBe("rb.rb in <main>");
    expect(
      culpritOf([
        { function: "handle", module: "com.acme.orders.OrderController", filename: "OrderController.java", inApp: false },
        { function: "invoke", module: "org.springframework.web.method.support.InvocableHandlerMethod", filename: "InvocableHandlerMethod.java", inApp: false },
      ]),
    ).toBe("OrderController.java in handle");
    // All of it library code: the innermost frame still names where it happened.
    expect(culpritOf([{ function: "get", filename: "/srv/app/node_modules/lodash/get.js", inApp: false }])).toBe("node_modules/lodash/get.js in get");
  });

  it("falls back to the innermost frame, strips URL origins and queries, and copes with junk", () => {
    expect(culpritOf([{ function: "checkout", filename: "http://localhost:3000/static/app.js?v=3" }])).toBe("static/app.js in checkout");
    expect(culpritOf([{ module: "app.views" }])).toBe("app.views");
    // An inline script of a page: the page's address.
    expect(culpritOf([{ function: "checkout", filename: "http://localhost:4000/", inApp: true }])).toBe("localhost:4000/ in checkout");
    // An origin without a host (React Native's bundle, Electron's app).
    expect(culpritOf([{ function: "loadProfile", filename: "app:///index.android.bundle", inApp: true }])).toBe("index.android.bundle in loadProfile");
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
