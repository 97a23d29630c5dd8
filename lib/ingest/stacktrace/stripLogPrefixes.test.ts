import { describe, expect, it } from "vitest";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";
import { stripLogPrefixes } from "@/lib/ingest/stacktrace/stripLogPrefixes";

const javaTrace = ["java.lang.IllegalStateException: Fragment not attached", "\tat com.shop.app.ui.HomeFragment.refresh(HomeFragment.kt:88)", "\tat android.os.Handler.dispatchMessage(Handler.java:106)"];

describe("stripLogPrefixes", () => {
  it.each([
    ["adb logcat -v threadtime", (l: string) => `12-04 05:12:33.123  4321  4321 E AndroidRuntime: ${l}`],
    ["adb logcat -v brief", (l: string) => `E/AndroidRuntime( 4321): ${l}`],
    ["adb logcat tag only", (l: string) => `E/AndroidRuntime: ${l}`],
    ["Android Studio", (l: string) => `2026-12-04 05:12:33.123  4321-4321  AndroidRuntime          com.shop.app                         E  ${l}`],
    ["Kubernetes container log", (l: string) => `2026-12-04T05:12:33.123456789Z stderr F ${l}`],
    ["docker compose", (l: string) => `billing-api-1  | ${l}`],
    ["journalctl", (l: string) => `Mar 12 10:15:42 api-01 shop-api[2143]: ${l}`],
    ["coloured docker compose", (l: string) => `\x1b[36mbilling-api-1  | \x1b[0m${l}`],
    ["journalctl -o short-precise", (l: string) => `Mar 12 10:15:42.418093 api-01 shop-api[2143]: ${l}`],
    ["journalctl -o short-iso", (l: string) => `2026-03-12T10:15:42+0000 api-01 shop-api[2143]: ${l}`],
    ["Heroku", (l: string) => `2026-03-12T10:15:42.418093+00:00 app[web.1]: ${l}`],
    ["kubectl logs --timestamps / docker logs -t", (l: string) => `2026-03-12T10:15:42.418093512Z ${l}`],
    ["kubectl logs --prefix", (l: string) => `[pod/shop-api-7d9c7b6f4-x2x9q/api] ${l}`],
  ])("takes the %s prefix off every line, so the trace parses", (_name, prefix) => {
    const text = javaTrace.map(prefix).join("\n");
    expect(stripLogPrefixes(text)).toBe(javaTrace.join("\n"));
    const parsed = parseStackTrace(stripLogPrefixes(text));
    expect(parsed.language).toBe("java");
    expect(parsed.frames.map((f) => f.function)).toEqual(["dispatchMessage", "refresh"]);
  });

  it("takes terminal colours out, keeping Python's indentation under a compose prefix", () => {
    const coloured = 'Traceback (most recent call last):\n  File \x1b[35m"/app/shop/main.py"\x1b[0m, line \x1b[35m3\x1b[0m, in \x1b[35mmain\x1b[0m\n\x1b[1;35mKeyError\x1b[0m: \x1b[35m\'sku\'\x1b[0m';
    expect(stripLogPrefixes(coloured)).toBe('Traceback (most recent call last):\n  File "/app/shop/main.py", line 3, in main\nKeyError: \'sku\'');
    expect(stripLogPrefixes('web-1  | Traceback (most recent call last):\nweb-1  |   File "/app/x.py", line 3, in f\nweb-1  | KeyError: 1')).toBe('Traceback (most recent call last):\n  File "/app/x.py", line 3, in f\nKeyError: 1');
  });

  it("keeps Python's indentation under a bare timestamp prefix", () => {
    const logged = ['2026-03-12T10:15:42.418Z Traceback (most recent call last):', '2026-03-12T10:15:42.418Z   File "/app/api/orders.py", line 12, in get_order', "2026-03-12T10:15:42.419Z     return ORDERS[oid]", "2026-03-12T10:15:42.419Z KeyError: 'o1'"].join("\n");
    const parsed = parseStackTrace(stripLogPrefixes(logged));
    expect(parsed.language).toBe("python");
    expect(parsed.frames).toMatchObject([{ function: "get_order", filename: "/app/api/orders.py", lineno: 12, contextLine: "return ORDERS[oid]" }]);
  });

  it("leaves a trace alone unless one prefix starts every line", () => {
    expect(stripLogPrefixes(javaTrace.join("\n"))).toBe(javaTrace.join("\n"));
    const mixed = [`E/AndroidRuntime( 4321): ${javaTrace[0]}`, javaTrace[1]].join("\n");
    expect(stripLogPrefixes(mixed)).toBe(mixed);
    expect(stripLogPrefixes("E/AndroidRuntime: one line")).toBe("E/AndroidRuntime: one line");
    expect(stripLogPrefixes("")).toBe("");
  });

  it("takes Sidekiq's prefix off the lines that carry it: the backtrace's first line only", () => {
    const logged = [
      "2026-12-04T05:12:33.123Z pid=12 tid=2ix class=MailerJob jid=9f2c1d elapsed=0.013 WARN: NoMethodError: undefined method `email' for nil",
      "2026-12-04T05:12:33.124Z pid=12 tid=2ix WARN: /app/app/jobs/mailer_job.rb:7:in `perform'",
      "/usr/local/bundle/gems/sidekiq-7.2.0/lib/sidekiq/processor.rb:202:in `execute_job'",
    ].join("\n");
    expect(stripLogPrefixes(logged)).toBe(
      ["NoMethodError: undefined method `email' for nil", "/app/app/jobs/mailer_job.rb:7:in `perform'", "/usr/local/bundle/gems/sidekiq-7.2.0/lib/sidekiq/processor.rb:202:in `execute_job'"].join("\n"),
    );
  });

  it("takes PHP's error_log prefix off the messages that carry it: an uncaught exception's trace lines have none", () => {
    const logged = [
      "[04-Dec-2026 05:12:33 UTC] PHP Fatal error:  Uncaught RuntimeException: declined in /var/www/src/Gateway.php:58",
      "Stack trace:",
      "#0 {main}",
      "  thrown in /var/www/src/Gateway.php on line 58",
      "[04-Dec-2026 05:12:33 UTC] PHP Stack trace:",
      "[04-Dec-2026 05:12:33 UTC] PHP   1. {main}() /var/www/public/index.php:0",
    ].join("\n");
    expect(stripLogPrefixes(logged).split("\n")).toEqual([
      "PHP Fatal error:  Uncaught RuntimeException: declined in /var/www/src/Gateway.php:58",
      "Stack trace:",
      "#0 {main}",
      "  thrown in /var/www/src/Gateway.php on line 58",
      "PHP Stack trace:",
      "PHP   1. {main}() /var/www/public/index.php:0",
    ]);
  });

  it("stays linear on hostile lines", () => {
    const hostile = Array.from({ length: 200 }, () => `12-04 05:12:33.123  ${" ".repeat(5000)}E/${"(".repeat(5000)}`).join("\n");
    const started = performance.now();
    stripLogPrefixes(hostile);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
