import { describe, expect, it } from "vitest";
import { groupEvent } from "@/lib/grouping/groupEvent";
import { normaliseMessage } from "@/lib/grouping/message/normaliseMessage";

/**
 * Traces and messages come from untrusted clients: grouping must stay near-linear and never throw.
 * Budgets are far above what these take on an idle machine (≈ 0.1–0.3 s), so load cannot fail them.
 */
const BUDGET_MS = 15_000;
const timed = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

describe("grouping on hostile input", () => {
  it.each([
    ["Caused by lines", "Caused by: x: y\n".repeat(20_000)],
    ["inner exception arrows", ` ---> A: b`.repeat(20_000)],
    ["Node causes", "  [cause]: Error: x\n      at f (/a.js:1:1)\n".repeat(10_000)],
    ["Python separators", "The above exception was the direct cause of the following exception:\n".repeat(10_000)],
    ["PHP Next", "Next X: y in /a.php:1\n#0 /a.php(1): f()\n".repeat(5_000)],
    ["Ruby headers", "/a.rb:1:in `f': m (E)\n".repeat(10_000)],
    ["elided counts", "java.lang.E: x\n\tat a.B.c(B.java:1)\nCaused by: E: y\n\t... 999999999 more\n".repeat(2_000)],
    ["dollar-heavy JVM names", `\tat ${"a$1$b".repeat(400)}.invokeSuspend(X.kt:1)\n`.repeat(200)],
    ["race reports", "WARNING: DATA RACE\nWrite at 0x1 by goroutine 1:\n  main.f()\n      /a.go:1 +0x1\n".repeat(5_000)],
    ["ThreadSanitizer frames", `#1 ${"a ".repeat(2_000)}(b+0x1)\n`.repeat(60)],
    ["gdb thread headers", "Thread 1 (Thread 0x1 (LWP 1)):\n#0  <signal handler called>\n#1  0x1 in f () at a.c:1\n".repeat(5_000)],
    ["Xdebug lines", "PHP Warning:  x in /a.php on line 1\nPHP   1. {main}() /a.php:0\n".repeat(5_000)],
    ["error names above a stack", `${"Error\n".repeat(43_000)}    at f (/app/x.js:1:1)`],
    ["Swift signatures", `0 0x1 ${"closure #1 ".repeat(300)} -> () + 1 in App\n`.repeat(100)],
  ])("%s", (_name, text) => {
    for (const platform of ["java", "python", "csharp", "node", "ruby", "php", "go", "native", undefined]) {
      expect(timed(() => groupEvent({ type: "E", message: "m", stackTrace: text.slice(0, 262_144), platform }))).toBeLessThan(BUDGET_MS);
    }
  }, 180_000);

  it("keeps message normalisation fast on crafted engine-like messages", () => {
    for (const message of [`x is not a function (In '${"', '".repeat(4000)}`, `can't access property "${'", '.repeat(4000)}`, "undefined is not an object (evaluating '".padEnd(8000, "'")]) {
      expect(timed(() => normaliseMessage("TypeError", message, "javascript"))).toBeLessThan(BUDGET_MS);
    }
  }, 60_000);

  it("keeps named dates and Elixir values fast on crafted messages", () => {
    const messages = [
      "Mon Dec 07 ".repeat(800),
      "Mon, 07 Dec 2026 ".repeat(500),
      "07/Dec/2026:18:56:51 ".repeat(400),
      "Dec  7 18:56:51 UTC ".repeat(400),
      "%{".repeat(4000),
      "%{a: 1} ".repeat(1000) + "%{".repeat(2000),
      `%{${'"'.repeat(8000)}`,
      `#Ecto.Changeset<${"#A<".repeat(2000)}`,
      `%{${"[{(".repeat(2500)}`,
    ];
    for (const message of messages) {
      for (const language of ["elixir", "java"] as const) expect(timed(() => normaliseMessage("KeyError", message, language))).toBeLessThan(BUDGET_MS);
    }
  }, 60_000);

  it("keeps status codes and panic messages fast on crafted messages", () => {
    const messages = ["status status code ".repeat(1000), "HTTP/1.1 HTTP Error ".repeat(800) + "404", "404 Client 404 Server ".repeat(800), `: ${"a::".repeat(2500)}b (`, ": A { : B ( ".repeat(1500)];
    for (const message of messages) {
      expect(timed(() => normaliseMessage("AxiosError", message, "javascript"))).toBeLessThan(BUDGET_MS);
      expect(timed(() => groupEvent({ type: "panic", message, stackTrace: "thread 'main' panicked at src/main.rs:1:1:\nx\nstack backtrace:\n   0: app::main\n             at ./src/main.rs:1:1", platform: "rust" }))).toBeLessThan(BUDGET_MS);
    }
  }, 60_000);

  it("accepts a chain of 20 exceptions with 500 frames each", () => {
    const frames = Array.from({ length: 500 }, (_, i) => ({ function: `f${i}`, filename: `/app/src/m${i % 7}.js`, lineno: i }));
    const exceptions = Array.from({ length: 20 }, (_, i) => ({ type: `E${i}`, message: "m", stackTrace: frames }));
    expect(timed(() => groupEvent({ type: "E0", message: "m", exceptions, platform: "node" }))).toBeLessThan(BUDGET_MS);
  }, 60_000);
});
