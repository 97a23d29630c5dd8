import { describe, expect, it } from "vitest";
import { parseCrystal } from "@/lib/ingest/stacktrace/parseCrystal";
import { parseRuby } from "@/lib/ingest/stacktrace/parseRuby";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";

const UNHANDLED = `Unhandled exception: Index out of bounds (IndexError)
  from /usr/share/crystal/src/indexable.cr:104:7 in '[]'
  from src/app.cr:5:3 in 'handler'
  from src/app.cr:10:1 in '__crystal_main'
  from /usr/share/crystal/src/crystal/main.cr:129:5 in 'main_user_code'
  from /usr/share/crystal/src/crystal/main.cr:115:7 in 'main'
  from /lib/x86_64-linux-gnu/libc.so.6 in '__libc_start_main'
  from /home/dev/.cache/crystal/crystal-run-app.tmp in '_start'
  from ???`;

const RUBY = `/app/models/user.rb:42:in \`full_name': undefined method \`upcase' for nil (NoMethodError)
	from /app/controllers/users_controller.rb:10:in \`show'
	from /app/vendor/bundle/ruby/3.2.0/gems/actionpack-7.1.3/lib/action_controller/metal/basic_implicit_render.rb:6:in \`send_action'`;

describe("parseCrystal", () => {
  it("reads an unhandled exception's frames, outermost first, with line and column; binaries by their path, ??? skipped", () => {
    expect(parseCrystal(UNHANDLED)).toEqual([
      { function: "_start", filename: "/home/dev/.cache/crystal/crystal-run-app.tmp", absPath: "/home/dev/.cache/crystal/crystal-run-app.tmp" },
      { function: "__libc_start_main", filename: "/lib/x86_64-linux-gnu/libc.so.6", absPath: "/lib/x86_64-linux-gnu/libc.so.6" },
      { function: "main", filename: "/usr/share/crystal/src/crystal/main.cr", absPath: "/usr/share/crystal/src/crystal/main.cr", lineno: 115, colno: 7 },
      { function: "main_user_code", filename: "/usr/share/crystal/src/crystal/main.cr", absPath: "/usr/share/crystal/src/crystal/main.cr", lineno: 129, colno: 5 },
      { function: "__crystal_main", filename: "src/app.cr", lineno: 10, colno: 1 },
      { function: "handler", filename: "src/app.cr", lineno: 5, colno: 3 },
      { function: "[]", filename: "/usr/share/crystal/src/indexable.cr", absPath: "/usr/share/crystal/src/indexable.cr", lineno: 104, colno: 7 },
    ]);
  });

  it("reads older unindented frames, full-info addresses, a logged backtrace, and only the first of chained traces", () => {
    const frames = parseCrystal(`Unhandled exception: order 42 has no customer (Shop::MissingCustomer)
from src/shop/orders.cr:42:5 in 'customer_of' at 0x55d1c0a1b2c3
from src/shop/server.cr:17:7 in 'handle'
src/shop.cr:9:1 in '__crystal_main'
Caused by: Missing hash key: 42 (KeyError)
  from /usr/share/crystal/src/hash.cr:1073:11 in '[]'`);
    expect(frames?.map((f) => [f.function, f.filename, f.lineno, f.colno])).toEqual([
      ["__crystal_main", "src/shop.cr", 9, 1],
      ["handle", "src/shop/server.cr", 17, 7],
      ["customer_of", "src/shop/orders.cr", 42, 5],
    ]);
  });

  it("marks the standard library, shards in lib/ and binaries as library code", () => {
    const text = `Unhandled exception: Missing hash key: "id" (KeyError)
  from /opt/homebrew/Cellar/crystal/1.11.2/share/crystal/src/hash.cr:1073:11 in '[]'
  from src/shop/orders.cr:42:5 in 'customer_of'
  from lib/kemal/src/kemal/route_handler.cr:255:3 in 'call'
  from /srv/shop/lib/db/src/db/pool.cr:98:9 in 'checkout'
  from src/views/order.ecr:3:1 in 'render'
  from src/shop.cr:9:1 in '__crystal_main'
  from /lib/x86_64-linux-gnu/libc.so.6 in '__libc_start_main'`;
    const parsed = parseStackTrace(text);
    expect(parsed.language).toBe("crystal");
    expect(parsed.frames.map((f) => [f.function, f.inApp])).toEqual([
      ["__libc_start_main", false],
      ["__crystal_main", true],
      ["render", true],
      ["checkout", false],
      ["call", false],
      ["customer_of", true],
      ["[]", false],
    ]);
  });

  it("Crystal stays Crystal and Ruby stays Ruby: Crystal prints a column and ' in ', Ruby ':in'", () => {
    expect(parseStackTrace(UNHANDLED).language).toBe("crystal");
    expect(parseStackTrace(UNHANDLED, "crystal").language).toBe("crystal");
    expect(parseRuby(UNHANDLED)).toBeNull();
    const ruby = parseStackTrace(RUBY);
    expect(ruby.language).toBe("ruby");
    expect(ruby.frames).toHaveLength(3);
    expect(parseCrystal(RUBY)).toBeNull();
    expect(parseCrystal("app/models/user.rb:42:in 'User#full_name': undefined method (NoMethodError)\n\tfrom /app/x.rb:10:in 'show'")).toBeNull();
  });

  it("claims no other language's trace, and no prose", () => {
    expect(parseCrystal('Traceback (most recent call last):\n  File "/app/a.py", line 3, in <module>\n    main()\nKeyError: 1')).toBeNull();
    expect(parseCrystal("Error: boom\n    at f (/app/a.js:1:2)")).toBeNull();
    expect(parseCrystal("a letter from home in 'Paris'")).toBeNull();
    expect(parseCrystal("from noon in 'the hall'")).toBeNull();
  });

  it("stays fast and never throws on hostile lines", () => {
    const start = performance.now();
    for (const line of [`from ${" in '".repeat(800)}'`, `from ${"a:1".repeat(1300)} in 'x'`, `${"x:1:2 in '".repeat(400)}' at 0x${"f".repeat(100)}`]) {
      expect(() => parseCrystal(`${line}\n`.repeat(60))).not.toThrow();
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
