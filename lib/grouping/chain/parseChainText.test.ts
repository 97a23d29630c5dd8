import { describe, expect, it } from "vitest";
import { parseChainText } from "@/lib/grouping/chain/parseChainText";

const summary = (text: string, hint?: string) =>
  parseChainText(text, hint).exceptions.map((e) => [e.type, e.message, e.relation, e.frames.map((f) => f.function)]);

describe("parseChainText", () => {
  it("JVM: Caused by sections, '... N more' restored from the enclosing trace, Suppressed kept apart", () => {
    const text = `java.lang.IllegalStateException: outer
	at com.acme.A.run(A.java:10)
	at com.acme.Main.main(Main.java:5)
	Suppressed: java.io.IOException: close
		at com.acme.A.close(A.java:20)
		... 1 more
Caused by: java.sql.SQLException: inner
multi-line detail
	at com.acme.Db.query(Db.java:3)
	at com.acme.A.run(A.java:8)
	... 1 more`;
    expect(summary(text)).toEqual([
      ["java.lang.IllegalStateException", "outer", "raised", ["main", "run"]],
      ["java.io.IOException", "close", "suppressed", ["main", "close"]],
      ["java.sql.SQLException", "inner\nmulti-line detail", "cause", ["main", "run", "query"]],
    ]);
  });

  it("JVM: a cycle's [CIRCULAR REFERENCE: …] is no exception of the chain; a cause after suppressed ones restores the raised one's frames", () => {
    const text = `com.acme.InvoiceException: render failed
	at com.acme.Renderer.render(Renderer.java:88)
	at com.acme.Service.send(Service.java:41)
	at com.acme.Main.main(Main.java:5)
	Suppressed: com.acme.TemplateException: close failed
		at com.acme.Templates.close(Templates.java:141)
		at com.acme.Renderer.render(Renderer.java:92)
		... 2 more
	Caused by: [CIRCULAR REFERENCE: com.acme.InvoiceException: render failed]
Caused by: com.acme.TemplateException: template failed
	at com.acme.Templates.apply(Templates.java:120)
	at com.acme.Renderer.render(Renderer.java:85)
	... 2 more
Caused by: [CIRCULAR REFERENCE: com.acme.InvoiceException: render failed]`;
    expect(summary(text)).toEqual([
      ["com.acme.InvoiceException", "render failed", "raised", ["main", "send", "render"]],
      ["com.acme.TemplateException", "close failed", "suppressed", ["main", "send", "render", "close"]],
      ["com.acme.TemplateException", "template failed", "cause", ["main", "send", "render", "apply"]],
    ]);
  });

  it("JVM: Logback's root-cause-first layout ('Wrapped by:') reads as the same chain, raised first", () => {
    const causedBy = `java.lang.IllegalStateException: checkout failed
	at com.acme.Checkout.run(Checkout.java:42)
	at com.acme.Main.main(Main.java:5)
Caused by: java.sql.SQLException: pool closed
	at com.acme.Db.query(Db.java:3)
	at com.acme.Checkout.load(Checkout.java:30)
	... 2 more`;
    const wrappedBy = `java.sql.SQLException: pool closed
	at com.acme.Db.query(Db.java:3)
	at com.acme.Checkout.load(Checkout.java:30)
	... 2 common frames omitted
Wrapped by: java.lang.IllegalStateException: checkout failed
	at com.acme.Checkout.run(Checkout.java:42)
	at com.acme.Main.main(Main.java:5)`;
    expect(summary(wrappedBy)).toEqual(summary(causedBy));
    expect(summary(wrappedBy)[0]).toEqual(["java.lang.IllegalStateException", "checkout failed", "raised", ["main", "run"]]);
    expect(summary(wrappedBy)[1]).toEqual(["java.sql.SQLException", "pool closed", "cause", ["main", "run", "load", "query"]]);
  });

  it("Python: oldest printed first, returned raised first with cause/context relations", () => {
    const text = `Traceback (most recent call last):
  File "/app/a.py", line 1, in first
ValueError: one

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/app/a.py", line 2, in second
KeyError: 'two'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/app/a.py", line 3, in third
app.Error: three`;
    expect(summary(text)).toEqual([
      ["app.Error", "three", "raised", ["third"]],
      ["KeyError", "'two'", "cause", ["second"]],
      ["ValueError", "one", "context", ["first"]],
    ]);
  });

  it(".NET: ' ---> ' inner exceptions, frames handed outwards at 'End of inner exception stack trace'", () => {
    const text = `System.InvalidOperationException: outer ---> System.IO.IOException: middle
 ---> System.TimeoutException: inner
   at Acme.Net.Read() in /src/Net.cs:line 3
   --- End of inner exception stack trace ---
   at Acme.Io.Load() in /src/Io.cs:line 5
   --- End of inner exception stack trace ---
   at Acme.Svc.Run() in /src/Svc.cs:line 9`;
    expect(summary(text)).toEqual([
      ["System.InvalidOperationException", "outer", "raised", ["Run"]],
      ["System.IO.IOException", "middle", "cause", ["Load"]],
      ["System.TimeoutException", "inner", "cause", ["Read"]],
    ]);
  });

  it(".NET: an error code printed after the type stays out of it", () => {
    const text = `System.Net.Http.HttpRequestException: Connection refused (inventory:80)
 ---> System.Net.Sockets.SocketException (111): Connection refused
   at System.Net.Sockets.Socket.Connect() in /src/Socket.cs:line 1
   --- End of inner exception stack trace ---
   at Shop.Orders.Place() in /src/Orders.cs:line 8`;
    expect(summary(text).map(([type, message]) => [type, message])).toEqual([
      ["System.Net.Http.HttpRequestException", "Connection refused (inventory:80)"],
      ["System.Net.Sockets.SocketException", "Connection refused"],
    ]);
    expect(summary("System.ComponentModel.Win32Exception (0x80004005): Access is denied\n   at A.B() in /a.cs:line 1")[0].slice(0, 2)).toEqual([
      "System.ComponentModel.Win32Exception",
      "Access is denied",
    ]);
  });

  it(".NET: AggregateException's listed inner exceptions join the chain once each, as its members", () => {
    const text = `System.AggregateException: One or more errors occurred. (Timeout reading key) (Connection reset)
 ---> System.TimeoutException: Timeout reading key
   at Acme.Cache.Get() in /src/Cache.cs:line 61
   --- End of inner exception stack trace ---
   at Acme.Cache.Warmup.Run() in /src/Warmup.cs:line 30
 ---> (Inner Exception #0) System.TimeoutException: Timeout reading key
   at Acme.Cache.Get() in /src/Cache.cs:line 61<---

 ---> (Inner Exception #1) System.IO.IOException: Connection reset
   at Acme.Cache.Read() in /src/Cache.cs:line 64<---
`;
    expect(summary(text)).toEqual([
      ["System.AggregateException", "One or more errors occurred. (Timeout reading key) (Connection reset)", "raised", ["Run"]],
      ["System.TimeoutException", "Timeout reading key", "member", ["Get"]],
      ["System.IO.IOException", "Connection reset", "member", ["Read"]],
    ]);
  });

  it("Node: [cause] blocks, lines elided as matching the cause restored from it", () => {
    const text = `Error: outer
    at wrap (/app/a.js:10:11)
    ... 2 lines matching cause stack trace ...
    at main (/app/a.js:30:1) {
  [cause]: TypeError: inner
      at leaf (/app/a.js:3:9)
      at middle (/app/a.js:20:5)
      at top (/app/a.js:25:5)
      at main (/app/a.js:30:1)
}`;
    expect(summary(text)).toEqual([
      ["Error", "outer", "raised", ["main", "top", "middle", "wrap"]],
      ["TypeError", "inner", "cause", ["main", "top", "middle", "leaf"]],
    ]);
  });

  it("Node: an AggregateError's [errors] are its members, each with its own chain, deduplicated and in a fixed order", () => {
    const aggregate = (...errors: string[]) => `AggregateError: All promises were rejected
    at Promise.any (node:internal/promise:1:1)
    at loadAll (/app/src/loader.js:12:17)
    at main (/app/src/index.js:5:3) {
  [errors]: [
${errors.join(",\n")}
  ]
}`;
    const primary = `    Error: primary down
        at fetchPrimary (/app/src/loader.js:3:9)
        at loadAll (/app/src/loader.js:10:5) {
      [cause]: Error: connect ECONNREFUSED 10.0.0.1:443
          at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)
    }`;
    const mirror = `    TypeError: Cannot read properties of undefined (reading 'url')
        at fetchMirror (/app/src/loader.js:7:20)
        at loadAll (/app/src/loader.js:11:5)`;
    const expected = [
      ["AggregateError", "All promises were rejected", "raised", ["main", "loadAll", "Promise.any"]],
      ["Error", "primary down", "member", ["loadAll", "fetchPrimary"]],
      ["Error", "connect ECONNREFUSED 10.0.0.1:443", "cause", ["TCPConnectWrap.afterConnect [as oncomplete]"]],
      ["TypeError", "Cannot read properties of undefined (reading 'url')", "member", ["loadAll", "fetchMirror"]],
    ];
    expect(summary(aggregate(primary, mirror))).toEqual(expected);
    expect(summary(aggregate(mirror, primary, mirror))).toEqual(expected);
  });

  it("Ruby: each cause printed after the exception with its own header", () => {
    const text = `/app/a.rb:5:in 'A#outer': wrapped (App::Error)
	from /app/a.rb:9:in '<main>'
/app/a.rb:2:in 'A#inner': boom (ArgumentError)
	from /app/a.rb:4:in 'A#outer'`;
    expect(summary(text)).toEqual([
      ["App::Error", "wrapped", "raised", ["<main>", "A#outer"]],
      ["ArgumentError", "boom", "cause", ["A#outer", "A#inner"]],
    ]);
  });

  it("PHP: previous exceptions first, each wrapper after 'Next'", () => {
    const text = `PDOException: refused in /app/Db.php:12
Stack trace:
#0 /app/Repo.php(20): Db->connect()
#1 {main}

Next App\\DbError: no db in /app/Db.php:15
Stack trace:
#0 /app/Repo.php(20): Db->connect()
#1 {main}
  thrown in /app/Db.php on line 15`;
    const [raised, cause] = parseChainText(text).exceptions;
    expect([raised.type, raised.message, cause.type, cause.message, cause.relation]).toEqual(["App\\DbError", "no db", "PDOException", "refused", "cause"]);
    expect(raised.frames.map((f) => f.function)).toEqual([undefined, "connect"]);
  });

  it("PHP: Laravel's log (Monolog): the raised exception first, each previous one after it; JSON-doubled backslashes", () => {
    const text = [
      '[2024-03-12 10:15:42] production.ERROR: Could not charge order 17 {"exception":"[object] (App\\\\Exceptions\\\\PaymentFailed(code: 0): Could not charge order 17 at /var/www/shop/app/Services/Billing.php:30)',
      "[stacktrace]",
      "#0 /var/www/shop/app/Http/Controllers/CheckoutController.php(22): App\\\\Services\\\\Billing->charge(Object(App\\\\Models\\\\Order))",
      "#1 {main}",
      "",
      "[previous exception] [object] (GuzzleHttp\\\\Exception\\\\ConnectException(code: 0): cURL error 28: timed out at /var/www/shop/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php:275)",
      "[stacktrace]",
      "#0 /var/www/shop/app/Services/Billing.php(27): GuzzleHttp\\\\Client->post('/v1/charges', Array)",
      "#1 {main}",
      '"}',
    ].join("\n");
    expect(summary(text)).toEqual([
      ["App\\Exceptions\\PaymentFailed", "Could not charge order 17", "raised", [undefined, "charge"]],
      ["GuzzleHttp\\Exception\\ConnectException", "cURL error 28: timed out", "cause", [undefined, "post"]],
    ]);
  });

  it("a trace without chain markers is one exception with parseStackTrace's frames", () => {
    const { exceptions, legacyFrames } = parseChainText("TypeError: x\n    at f (/app/a.js:1:1)\n    at g (/app/b.js:2:2)");
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0].frames).toEqual(legacyFrames);
  });

  it("holds a type and message read from the trace to the limits of a client's own (256 / 8,192 characters)", () => {
    const long = `${"Boom".repeat(200)}Error: ${Array.from({ length: 6 }, () => "x".repeat(3000)).join("\n")}\n    at f (/srv/app/a.js:1:1)`;
    const [raised] = parseChainText(long).exceptions;
    expect(raised.type).toHaveLength(256);
    expect(raised.message).toHaveLength(8192);
    const chained = parseChainText(`java.lang.IllegalStateException: outer\n\tat com.acme.A.run(A.java:1)\nCaused by: java.io.IOException: ${Array.from({ length: 4 }, () => "y".repeat(3000)).join("\n")}\n\tat com.acme.B.read(B.java:2)`);
    expect(chained.exceptions[1].message).toHaveLength(8192);
  });

  it("never throws on hostile input", () => {
    for (const text of ["Caused by: ", " ---> ".repeat(10_000), "[cause]: ".repeat(5000), "Next X: y in :1\n".repeat(1000)]) {
      expect(() => parseChainText(text)).not.toThrow();
    }
  });
});
