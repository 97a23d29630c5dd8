import { describe, expect, it } from "vitest";
import { ProguardMapping } from "@/lib/proguard/proguardMapping";
import { retraceEvent } from "@/lib/proguard/retraceEvent";
import { retraceFrames } from "@/lib/proguard/retraceFrames";
import { retraceText } from "@/lib/proguard/retraceText";

// R8 8.x's metadata for outlined code and rewritten frames (mapping written for this test).
const mapping = new ProguardMapping(
  [
    "com.android.tools.r8.GeneratedOutlineSupport -> a.d:",
    '# {"id":"sourceFile","fileName":"R8$$SyntheticClass"}',
    '# {"id":"com.android.tools.r8.synthesized"}',
    "    1:2:int outline0(int,int):0:0 -> a",
    '# {"id":"com.android.tools.r8.outline"}',
    "com.example.shop.Receipt -> a.e:",
    '# {"id":"sourceFile","fileName":"Receipt.kt"}',
    "    1:1:java.lang.String format(int):30:30 -> a",
    "    2:2:java.lang.String format(int):31:31 -> a",
    "    5:5:java.lang.String format(int):0:0 -> a",
    '# {"id":"com.android.tools.r8.outlineCallsite","positions":{"1":1,"2":2},"outline":"La/d;a(II)I"}',
    "    6:6:java.lang.String format(int):35:35 -> a",
    "    7:7:java.lang.Object java.util.Objects.requireNonNull(java.lang.Object):0:0 -> a",
    '# {"id":"com.android.tools.r8.rewriteFrame","conditions":["throws(Ljava/lang/NullPointerException;)"],"actions":["removeInnerFrames(1)"]}',
    "    7:7:void print(com.example.shop.Cart):40:40 -> a",
    "",
  ].join("\n"),
);
const caller = { module: "a.f", function: "b", lineno: 3 };

describe("R8 metadata: outlines and rewritten frames", () => {
  it("drops an outline's frame and reads its caller at the line the outline's position stands for", () => {
    expect(retraceFrames([caller, { module: "a.e", function: "a", lineno: 5 }, { module: "a.d", function: "a", lineno: 2 }], [mapping])).toEqual([
      caller,
      { module: "com.example.shop.Receipt", function: "format", filename: "Receipt.kt", lineno: 31 },
    ]);
    // Position 1 of the same outline: the caller's other line.
    expect(retraceFrames([{ module: "a.e", function: "a", lineno: 5 }, { module: "a.d", function: "a", lineno: 1 }], [mapping])).toEqual([{ module: "com.example.shop.Receipt", function: "format", filename: "Receipt.kt", lineno: 30 }]);
  });

  it("drops the null check R8 inlined when a NullPointerException is thrown there, and only then", () => {
    const top = { module: "a.e", function: "a", filename: "SourceFile", lineno: 7 };
    const print = { module: "com.example.shop.Receipt", function: "print", filename: "Receipt.kt", lineno: 40 };
    expect(retraceFrames([caller, top], [mapping], undefined, "java.lang.NullPointerException")).toEqual([caller, print]);
    expect(retraceFrames([caller, top], [mapping], undefined, "java.lang.IllegalStateException")).toEqual([caller, print, { module: "java.util.Objects", function: "requireNonNull" }]);
    // Not the innermost frame: the rule does not apply.
    expect(retraceFrames([top, caller], [mapping], undefined, "java.lang.NullPointerException")).toHaveLength(3);
    // Through an event: the exception's module and type make the class the rule names.
    const event = retraceEvent({ type: "NullPointerException", module: "java.lang", message: "x", stackTrace: [caller, top] }, [mapping]);
    expect(event.stackTrace).toEqual([caller, print]);
  });

  it("does both in a printed trace, per exception of the chain", () => {
    const text = [
      "java.lang.NullPointerException: receipt",
      "\tat a.e.a(SourceFile:7)",
      "\tat a.f.b(SourceFile:3)",
      "Caused by: java.lang.IllegalStateException: bad total",
      "\tat a.d.a(SourceFile:2)",
      "\tat a.e.a(SourceFile:5)",
      "\t... 1 more",
    ].join("\n");
    expect(retraceText(text, [mapping])).toBe(
      [
        "java.lang.NullPointerException: receipt",
        "\tat com.example.shop.Receipt.print(Receipt.kt:40)",
        "\tat a.f.b(SourceFile:3)",
        "Caused by: java.lang.IllegalStateException: bad total",
        "\tat com.example.shop.Receipt.format(Receipt.kt:31)",
        "\t... 1 more",
      ].join("\n"),
    );
  });

  it("ignores metadata it does not know, and malformed metadata", () => {
    const odd = new ProguardMapping(
      [
        "com.example.A -> a:",
        "    1:1:void run():10:10 -> a",
        '# {"id":"com.android.tools.r8.rewriteFrame","conditions":["throws(Ljava/lang/NullPointerException;)","isInline()"],"actions":["removeInnerFrames(1)"]}',
        '# {"id":"com.android.tools.r8.outlineCallsite","positions":[1,2]}',
        "# {not json",
        '# {"id":"com.android.tools.r8.residualsignature","signature":"()V"}',
        "",
      ].join("\n"),
    );
    expect(retraceFrames([{ module: "a", function: "a", lineno: 1 }], [odd], undefined, "java.lang.NullPointerException")).toEqual([{ module: "com.example.A", function: "run", lineno: 10 }]);
  });
});
