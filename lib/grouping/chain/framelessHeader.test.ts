import { describe, expect, it } from "vitest";
import { runtimeHeader } from "@/lib/grouping/chain/runtimeHeader";
import { groupEvent } from "@/lib/grouping/groupEvent";

/** Traces printed without any frame: the runtime printed its error line alone. */
const FRAMELESS: [string, string, { type: string; message: string }][] = [
  ["Rust's default panic (no RUST_BACKTRACE)", "thread 'worker-2' panicked at src/ledger.rs:88:21:\ncalled `Result::unwrap()` on an `Err` value: Timeout\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace", { type: "panic", message: "called `Result::unwrap()` on an `Err` value: Timeout" }],
  ["PHP's error line", "PHP Notice:  Undefined index: sku in /srv/shop/cart.php on line 40", { type: "Notice", message: "Undefined index: sku" }],
  ["Python's last line", "KeyError: 'tenant_id'", { type: "KeyError", message: "'tenant_id'" }],
  [".NET's host", "Unhandled exception. System.ArgumentNullException: Value cannot be null. (Parameter 'source')", { type: "System.ArgumentNullException", message: "Value cannot be null. (Parameter 'source')" }],
  ["a JVM exception", "java.util.ConcurrentModificationException", { type: "java.util.ConcurrentModificationException", message: "" }],
  ["Go's panic", "panic: invoice totals disagree\n\nexit status 2", { type: "panic", message: "invoice totals disagree" }],
  ["Node's unhandled rejection", '[UnhandledPromiseRejection: The promise rejected with the reason "quota".] {\n  code: \'ERR_UNHANDLED_REJECTION\'\n}', { type: "UnhandledPromiseRejection", message: 'The promise rejected with the reason "quota".' }],
  ["anyhow's error", "Error: could not open ledger /var/lib/ledger/db\n\nCaused by:\n    Permission denied (os error 13)", { type: "Error", message: "could not open ledger /var/lib/ledger/db" }],
  ["Elixir's banner", "** (RuntimeError) ledger closed", { type: "RuntimeError", message: "ledger closed" }],
  ["Dart VM", "Unhandled exception:\nBad state: ledger is closed", { type: "StateError", message: "ledger is closed" }],
];

describe("runtimeHeader of a text without frames", () => {
  it.each(FRAMELESS)("%s", (_name, text, expected) => {
    expect(runtimeHeader(text, "unknown")).toEqual(expected);
  });

  it("reads no sentence as a type", () => {
    expect(runtimeHeader("Something went wrong: try again later", "unknown")).toBeUndefined();
    expect(runtimeHeader("Died at lib/Shop.pm line 3.", "unknown")).toBeUndefined();
  });

  it("every such text is its own issue, titled by its type and message (they were all one 'Error' issue)", () => {
    const grouped = FRAMELESS.map(([, stackTrace]) => groupEvent({ type: "Error", message: "", stackTrace }));
    expect(grouped.map((g) => g.type)).toEqual(FRAMELESS.map(([, , e]) => e.type));
    expect(new Set(grouped.map((g) => g.fingerprint)).size).toBe(FRAMELESS.length);
  });

  it("anyhow's error above its backtrace names the message", () => {
    const text = "Error: could not open ledger\n\nStack backtrace:\n   0: ledger::store::open\n             at ./src/store.rs:31:9\n   1: ledger::main\n             at ./src/main.rs:12:5";
    expect(groupEvent({ type: "Error", message: "", stackTrace: text })).toMatchObject({ language: "rust", message: "could not open ledger" });
  });

  it("stays fast on a hostile 256 KiB line", () => {
    const started = performance.now();
    runtimeHeader(`${"Error".repeat(50_000)}`, "unknown");
    runtimeHeader(`thread '${"a".repeat(200_000)}`, "unknown");
    expect(performance.now() - started).toBeLessThan(500);
  });
});
