import { describe, expect, it } from "vitest";
import { parsePerl } from "@/lib/ingest/stacktrace/parsePerl";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";

describe("parsePerl", () => {
  it("reads Carp::confess output, outermost first, each sub at the location it runs", () => {
    const frames = parsePerl(`Can't locate object method "save" via package "Order" at lib/Shop/Checkout.pm line 88.
 at lib/Shop/Checkout.pm line 88.
\tShop::Checkout::finish(Shop::Checkout=HASH(0x55d0c8), 42) called at lib/Shop/Web.pm line 120
\tShop::Web::post_checkout(Shop::Web=HASH(0x55d1a0)) called at script/app.pl line 15`);
    expect(frames).toEqual([
      { filename: "script/app.pl", lineno: 15 },
      { module: "Shop::Web", function: "post_checkout", filename: "lib/Shop/Web.pm", lineno: 120 },
      { module: "Shop::Checkout", function: "finish", filename: "lib/Shop/Checkout.pm", lineno: 88 },
    ]);
  });

  it("reads Devel::StackTrace's as_string (Trace begun, no indentation)", () => {
    expect(parsePerl("Trace begun at lib/Foo.pm line 10\nFoo::bar('x') called at lib/Baz.pm line 20\nmain::run called at /opt/app/bin/foo.pl line 5")).toEqual([
      { filename: "/opt/app/bin/foo.pl", absPath: "/opt/app/bin/foo.pl", lineno: 5 },
      { module: "main", function: "run", filename: "lib/Baz.pm", lineno: 20 },
      { module: "Foo", function: "bar", filename: "lib/Foo.pm", lineno: 10 },
    ]);
  });

  it("reads a plain die as one frame, with the filehandle perl adds, -e code and a compile error", () => {
    expect(parsePerl("Something failed at lib/Shop/Checkout.pm line 88.")).toEqual([{ filename: "lib/Shop/Checkout.pm", lineno: 88 }]);
    expect(parsePerl("Illegal division by zero at /srv/shop/bin/report line 31, <STDIN> line 4.")).toEqual([
      { filename: "/srv/shop/bin/report", absPath: "/srv/shop/bin/report", lineno: 31 },
    ]);
    expect(parsePerl("boom at -e line 1.")).toEqual([{ filename: "-e", lineno: 1 }]);
    expect(parsePerl('syntax error at lib/Shop/Cart.pm line 12, near "look at me"\nCompilation failed in require at script/app.pl line 3.')).toEqual([
      { filename: "script/app.pl", lineno: 3 },
    ]);
  });

  it("keeps eval blocks, string evals, require, anonymous subs and a $SIG{__DIE__} handler in place", () => {
    const text = [
      "Not an ARRAY reference at /srv/shop/lib/Shop/Cart.pm line 40.",
      " at /srv/shop/script/app.pl line 7.",
      '\tmain::__ANON__("Not an ARRAY reference at /srv/shop/lib/Shop/Cart.pm line 40.\\x{a}") called at /srv/shop/lib/Shop/Cart.pm line 40',
      "\tShop::Cart::__ANON__[/srv/shop/lib/Shop/Cart.pm:38](HASH(0x5601)) called at (eval 42) line 3",
      "\teval 'sub { ... }' called at /srv/shop/lib/Shop/Cart.pm line 36",
      "\tShop::Cart::total(Shop::Cart=HASH(0x5602)) called at /srv/shop/lib/Shop.pm line 12 thread 2",
      "\teval {...} called at /srv/shop/lib/Shop.pm line 11",
      "\trequire Shop.pm called at /srv/shop/script/app.pl line 3",
    ].join("\n");
    expect(parsePerl(text)?.map((f) => [f.module, f.function, f.filename, f.lineno])).toEqual([
      [undefined, undefined, "/srv/shop/script/app.pl", 3],
      [undefined, "require Shop.pm", "/srv/shop/lib/Shop.pm", 11],
      [undefined, "eval {...}", "/srv/shop/lib/Shop.pm", 12],
      ["Shop::Cart", "total", "/srv/shop/lib/Shop/Cart.pm", 36],
      [undefined, "eval '...'", "(eval 42)", 3],
      ["Shop::Cart", "__ANON__[/srv/shop/lib/Shop/Cart.pm:38]", "/srv/shop/lib/Shop/Cart.pm", 40],
      ["main", "__ANON__", "/srv/shop/script/app.pl", 7],
    ]);
  });

  it("reads only the first trace of a log", () => {
    const frames = parsePerl("a at lib/A.pm line 1.\n\tA::f() called at a.pl line 2\nb at lib/B.pm line 3.\n\tB::g() called at b.pl line 4");
    expect(frames?.map((f) => f.filename)).toEqual(["a.pl", "lib/A.pm"]);
  });

  it("marks the core library, CPAN installs (site_perl, Carton, local::lib) and framework packages as library code", () => {
    const text = [
      'DBD::Pg::st execute failed: ERROR:  relation "orders" does not exist at /srv/shop/lib/Shop/Orders.pm line 31.',
      "\tShop::Orders::find(Shop::Orders=HASH(0x1), 7) called at /srv/shop/lib/Shop/Web.pm line 22",
      "\tShop::Web::__ANON__() called at /usr/local/lib/perl5/site_perl/5.38.0/Try/Tiny.pm line 123",
      "\teval {...} called at /usr/local/lib/perl5/site_perl/5.38.0/Try/Tiny.pm line 116",
      "\tTry::Tiny::try(CODE(0x3), Try::Tiny::Catch=REF(0x4)) called at /srv/shop/lib/Shop/Web.pm line 25",
      "\tShop::Web::orders(Mojolicious::Controller=HASH(0x2)) called at /srv/shop/local/lib/perl5/Mojolicious.pm line 193",
      "\tMojolicious::_action(Mojolicious::Controller=HASH(0x2)) called at /usr/share/perl5/Plack/Util.pm line 145",
      "\tPlack::Util::run_app(CODE(0x5), HASH(0x6)) called at /srv/shop/script/shop line 14",
    ].join("\n");
    const parsed = parseStackTrace(text);
    expect(parsed.language).toBe("perl");
    expect(parsed.frames.map((f) => [f.module, f.function, f.inApp])).toEqual([
      [undefined, undefined, true],
      ["Plack::Util", "run_app", false],
      ["Mojolicious", "_action", false],
      ["Shop::Web", "orders", true],
      ["Try::Tiny", "try", false],
      [undefined, "eval {...}", false],
      ["Shop::Web", "__ANON__", true],
      ["Shop::Orders", "find", true],
    ]);
  });

  it("is picked by the platform hints perl and perl5", () => {
    const text = "boom at lib/A.pm line 1.\n\tA::f() called at a.pl line 2";
    expect(parseStackTrace(text, "perl").language).toBe("perl");
    expect(parseStackTrace(text, "Perl5").language).toBe("perl");
  });

  it("claims no other language's trace, and no prose", () => {
    expect(parsePerl('Traceback (most recent call last):\n  File "/app/a.py", line 3, in <module>\n    main()\nKeyError: 1')).toBeNull();
    expect(parsePerl("/app/models/user.rb:42:in `full_name': undefined method `upcase' for nil (NoMethodError)\n\tfrom /app/x.rb:10:in `show'")).toBeNull();
    expect(parsePerl("java.lang.IllegalStateException: boom\n\tat com.acme.Main.main(Main.java:3)")).toBeNull();
    expect(parsePerl("meet me at noon line 3.")).toBeNull();
    expect(parsePerl("the build failed at step line 2")).toBeNull();
  });

  it("stays fast and never throws on hostile lines", () => {
    const start = performance.now();
    for (const line of [" called at ".repeat(370), `${"a::".repeat(1300)}b() called at x line 1`, `x at ${"(eval 1)[".repeat(400)} line 2.`, ` at ${"a".repeat(4000)} line 9`]) {
      expect(() => parsePerl(`${line}\n`.repeat(60))).not.toThrow();
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
