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
  ])("takes the %s prefix off every line, so the trace parses", (_name, prefix) => {
    const text = javaTrace.map(prefix).join("\n");
    expect(stripLogPrefixes(text)).toBe(javaTrace.join("\n"));
    const parsed = parseStackTrace(stripLogPrefixes(text));
    expect(parsed.language).toBe("java");
    expect(parsed.frames.map((f) => f.function)).toEqual(["dispatchMessage", "refresh"]);
  });

  it("leaves a trace alone unless one prefix starts every line", () => {
    expect(stripLogPrefixes(javaTrace.join("\n"))).toBe(javaTrace.join("\n"));
    const mixed = [`E/AndroidRuntime( 4321): ${javaTrace[0]}`, javaTrace[1]].join("\n");
    expect(stripLogPrefixes(mixed)).toBe(mixed);
    expect(stripLogPrefixes("E/AndroidRuntime: one line")).toBe("E/AndroidRuntime: one line");
    expect(stripLogPrefixes("")).toBe("");
  });

  it("stays linear on hostile lines", () => {
    const hostile = Array.from({ length: 200 }, () => `12-04 05:12:33.123  ${" ".repeat(5000)}E/${"(".repeat(5000)}`).join("\n");
    const started = performance.now();
    stripLogPrefixes(hostile);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
