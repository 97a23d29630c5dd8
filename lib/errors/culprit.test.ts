import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";

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

describe("culpritOf names the method written, not the compiler's (review s54)", () => {
  const dotnet = (iterator: string) =>
    parseStackTrace(
      [
        "System.FormatException: The input string 'abc' was not in a correct format.",
        "   at System.Number.ThrowFormatException[TChar](ReadOnlySpan`1 value)",
        "   at System.Int32.Parse(String s)",
        `   at Acme.Import.CsvReader.<${iterator}>d__4.MoveNext() in /src/Acme.Import/CsvReader.cs:line 31`,
        "   at System.Linq.Enumerable.SelectEnumerableIterator`2.ToList()",
        "   at Acme.Import.Importer.Run(String path) in /src/Acme.Import/Importer.cs:line 18",
      ].join("\n"),
      "dotnet",
    ).frames;

  it(".NET iterators and async methods of one file are told apart", () => {
    expect(culpritOf(dotnet("ReadRows"), "csharp")).toBe("src/Acme.Import/CsvReader.cs in ReadRows");
    expect(culpritOf(dotnet("ReadHeaders"), "csharp")).toBe("src/Acme.Import/CsvReader.cs in ReadHeaders");
    // Sent without a platform, as the review's events were.
    expect(culpritOf(dotnet("ReadRows"))).toBe("src/Acme.Import/CsvReader.cs in ReadRows");
    const framework = parseStackTrace(
      "System.InvalidOperationException: x\n   at Acme.Billing.InvoiceService.<CalculateAsync>d__9.MoveNext() in C:\\agent\\_work\\12\\s\\src\\Acme.Billing\\InvoiceService.cs:line 77",
      "dotnet",
    ).frames;
    expect(culpritOf(framework, "csharp")).toBe("src/Acme.Billing/InvoiceService.cs in CalculateAsync");
  });

  it("a Java lambda and a Node async frame", () => {
    const java = parseStackTrace(
      'java.lang.NullPointerException: Cannot invoke "com.acme.Customer.getEmail()" because "c" is null\n\tat com.acme.shop.mail.Notifier.lambda$notifyAll$0(Notifier.java:52)\n\tat java.base/java.util.ArrayList.forEach(ArrayList.java:1596)\n\tat com.acme.shop.mail.Notifier.notifyAll(Notifier.java:40)',
      "java",
    ).frames;
    expect(culpritOf(java, "java")).toBe("Notifier.java in lambda in notifyAll");
    const node = parseStackTrace("TypeError: x\n    at async OrderRepo.findById (/app/src/repo.js:10:5)\n    at async Promise.all (index 0)", "node").frames;
    expect(culpritOf(node, "node")).toBe("app/src/repo.js in OrderRepo.findById");
  });
});
