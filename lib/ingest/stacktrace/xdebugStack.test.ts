import { describe, expect, it } from "vitest";
import { parsePhp } from "@/lib/ingest/stacktrace/parsePhp";
import { parsePhpErrorLine } from "@/lib/ingest/stacktrace/phpErrorLine";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";
import { stripLogPrefixes } from "@/lib/ingest/stacktrace/stripLogPrefixes";
import { readXdebugCalls } from "@/lib/ingest/stacktrace/xdebugStack";

const logged = [
  "PHP Warning:  Undefined variable $discount in /var/www/src/Cart/CartTotals.php on line 47",
  "PHP Stack trace:",
  "PHP   1. {main}() /var/www/public/index.php:0",
  "PHP   2. App\\Kernel->handle($request = class Symfony\\Component\\HttpFoundation\\Request { public $attributes = class Symfony\\Component\\HttpFoundation\\ParameterBag { ... } }) /var/www/public/index.php:20",
  "PHP   3. App\\Cart\\CartTotals->compute($cart = class App\\Cart\\Cart { private $items = [...] }) /var/www/src/Kernel.php:64",
].join("\n");

const table = [
  "Warning: Undefined variable $discount in /app/src/Cart/CartTotals.php on line 49",
  "",
  "Call Stack:",
  "    0.0001     393352   1. {main}() /app/public/index.php:0",
  "    0.0023     912840   2. App\\Kernel->handle($request = *uninitialized*) /app/public/index.php:20",
  "    0.0107    1540112   3. App\\Cart\\CartTotals->compute($cart = class App\\Cart\\Cart { private $items = [...] }) /app/src/Kernel.php:66",
].join("\n");

describe("Xdebug stacks", () => {
  it("reads the log's lines: each call where the next was called from, the innermost at the error's line, {main} unnamed", () => {
    expect(parsePhp(logged)).toEqual([
      { filename: "/var/www/public/index.php", absPath: "/var/www/public/index.php", lineno: 20 },
      { module: "App\\Kernel", function: "handle", filename: "/var/www/src/Kernel.php", absPath: "/var/www/src/Kernel.php", lineno: 64 },
      { module: "App\\Cart\\CartTotals", function: "compute", filename: "/var/www/src/Cart/CartTotals.php", absPath: "/var/www/src/Cart/CartTotals.php", lineno: 47 },
    ]);
    expect(parseStackTrace(logged).language).toBe("php");
  });

  it("reads the Call Stack table the same way", () => {
    expect(parsePhp(table)?.map((f) => [f.module, f.function, f.lineno])).toEqual([
      [undefined, undefined, 20],
      ["App\\Kernel", "handle", 66],
      ["App\\Cart\\CartTotals", "compute", 49],
    ]);
  });

  it("keeps a closure's name, braces and colons included; stops at a second stack", () => {
    const calls = readXdebugCalls([
      "PHP   1. {main}() /srv/bin/console:0",
      "PHP   2. {closure:/srv/src/Export.php:39-42}($row = [...]) /srv/src/Export.php:44",
      "PHP   1. {main}() /srv/bin/other:0",
    ]);
    expect(calls.map((c) => c.call)).toEqual(["{main}", "{closure:/srv/src/Export.php:39-42}"]);
  });

  it("an uncaught exception reads the same from PHP's trace with Xdebug's and from Xdebug's alone", () => {
    const both = [
      "PHP Fatal error:  Uncaught RuntimeException: declined in /var/www/src/Gateway.php:58",
      "Stack trace:",
      "#0 /var/www/public/index.php(12): App\\Gateway->charge()",
      "#1 {main}",
      "  thrown in /var/www/src/Gateway.php on line 58",
      "PHP Stack trace:",
      "PHP   1. {main}() /var/www/public/index.php:0",
      "PHP   2. App\\Gateway->charge() /var/www/public/index.php:12",
    ].join("\n");
    const xdebugOnly = both.split("\n").slice(5).join("\n");
    expect(parsePhp(both)).toEqual(parsePhp(`${both.split("\n")[0]}\n${xdebugOnly}`));
  });

  it("reads the error log's lines once their '[date time zone] ' prefix is gone", () => {
    const log = logged
      .split("\n")
      .map((line) => `[04-Dec-2026 05:12:33 Europe/Berlin] ${line}`)
      .join("\n");
    expect(parsePhp(stripLogPrefixes(log))).toEqual(parsePhp(logged));
  });
});

describe("parsePhpErrorLine", () => {
  it("splits PHP's error line into level, message and location", () => {
    expect(parsePhpErrorLine("PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/src/Export.php on line 88")).toEqual({
      level: "Fatal error",
      message: "Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)",
      path: "/var/www/src/Export.php",
      lineno: 88,
    });
    expect(parsePhpErrorLine("Deprecated: Creation of dynamic property App\\Order::$total is deprecated in /app/src/Order.php on line 12")?.level).toBe("Deprecated");
    expect(parsePhpErrorLine("PHP Fatal error:  Uncaught Exception: boom in /x.php:3")).toBeNull();
    expect(parsePhpErrorLine("Warning: something happened")).toBeNull();
  });
});
