import { describe, expect, it } from "vitest";
import { ProguardMapping, ProguardMappingError } from "@/lib/proguard/proguardMapping";
import { proguardUuid } from "@/lib/proguard/proguardUuid";
import { retraceEvent } from "@/lib/proguard/retraceEvent";
import { appPackageOf, originalClassName, retraceFrames } from "@/lib/proguard/retraceFrames";
import { retraceText } from "@/lib/proguard/retraceText";

// An R8 mapping in the format R8 8.x writes (written for this test).
const MAPPING = [
  "# compiler: R8",
  "# compiler_version: 8.1.56",
  "# pg_map_id: 5b46fdc",
  "com.example.shop.CheckoutActivity -> com.example.shop.CheckoutActivity:",
  '# {"id":"sourceFile","fileName":"CheckoutActivity.kt"}',
  "    int attempts -> a",
  "    1:4:void onCreate(android.os.Bundle):12:15 -> onCreate",
  "    1:1:int com.example.shop.Cart.total():40:40 -> b",
  "    1:1:void pay():22 -> b",
  "    2:3:void pay():23:24 -> b",
  "    void reset() -> c",
  "com.example.shop.Cart -> a.a:",
  '# {"id":"sourceFile","fileName":"Cart.kt"}',
  "    java.util.List items -> a",
  "    1:1:int total():40:40 -> a",
  "    2:5:int discount(int):50:53 -> b",
  "    6:6:int discount(int,boolean):60:60 -> b",
  "com.example.shop.PaymentDeclinedException -> a.b:",
  "    1:1:void <init>(java.lang.String):8:8 -> <init>",
  "com.example.shop.Cart$Line -> a.c:",
  "    1:1:long price():70:70 -> a",
  "",
].join("\n");

const mapping = new ProguardMapping(MAPPING);
const SENTRY_CLI_UUID = "53df5e2b-229e-57da-84aa-281724beb6a5";

describe("ProguardMapping", () => {
  it("reads classes, methods with their line ranges, and R8's source files", () => {
    expect(mapping.classCount).toBe(4);
    expect(mapping.originalNameOf("a.a")).toBe("com.example.shop.Cart");
    expect(mapping.classNamed("a.a")?.methods.get("b")).toEqual([
      { obfuscatedStart: 2, obfuscatedEnd: 5, originalName: "discount", originalStart: 50, originalEnd: 53 },
      { obfuscatedStart: 6, obfuscatedEnd: 6, originalName: "discount", originalStart: 60, originalEnd: 60 },
    ]);
    expect(mapping.classNamed("com.example.shop.CheckoutActivity")?.methods.get("c")).toEqual([{ originalName: "reset" }]);
    expect(mapping.sourceFileOf("com.example.shop.Cart")).toBe("Cart.kt");
    expect(mapping.sourceFileOf("com.example.shop.PaymentDeclinedException")).toBeUndefined();
  });

  it("refuses what is not a mapping, naming the line", () => {
    expect(() => new ProguardMapping('{"version":3,"mappings":""}')).toThrow(ProguardMappingError);
    expect(() => new ProguardMapping("# only comments\n\n")).toThrow(/no class mappings/);
    expect(() => new ProguardMapping("a -> b:\nhello world\n".repeat(1).concat("x\n".repeat(30)))).toThrow(/line \d+/);
  });

  it("takes CRLF line ends and classic ProGuard lines without line numbers", () => {
    const parsed = new ProguardMapping("com.acme.Main -> a:\r\n    void run() -> a\r\n    1:3:void stop() -> b\r\n");
    expect(parsed.classNamed("a")?.methods.get("a")).toEqual([{ originalName: "run" }]);
    expect(retraceFrames([{ module: "a", function: "b", lineno: 2 }], [parsed])).toEqual([{ module: "com.acme.Main", function: "stop" }]);
    expect(retraceFrames([{ module: "a", function: "a", lineno: 7 }], [parsed])).toEqual([{ module: "com.acme.Main", function: "run", lineno: 7 }]);
  });
});

describe("retraceFrames", () => {
  it("gives each frame its original class, method, file and line", () => {
    expect(retraceFrames([{ module: "a.a", function: "b", filename: "SourceFile", lineno: 4, inApp: true }], [mapping])).toEqual([
      { module: "com.example.shop.Cart", function: "discount", filename: "Cart.kt", lineno: 52, inApp: true },
    ]);
    // An overload told apart by its line.
    expect(retraceFrames([{ module: "a.a", function: "b", lineno: 6 }], [mapping])[0]).toMatchObject({ function: "discount", lineno: 60 });
  });

  it("expands an inlined frame into the caller and the callee, outermost first", () => {
    expect(retraceFrames([{ module: "com.example.shop.CheckoutActivity", function: "b", filename: "SourceFile", lineno: 1 }], [mapping])).toEqual([
      { module: "com.example.shop.CheckoutActivity", function: "pay", filename: "CheckoutActivity.kt", lineno: 22 },
      { module: "com.example.shop.Cart", function: "total", filename: "Cart.kt", lineno: 40 },
    ]);
  });

  it("keeps frames no mapping knows, and a known class whose method is not found", () => {
    const framework = { module: "android.os.Handler", function: "dispatchMessage", filename: "Handler.java", lineno: 106 };
    expect(retraceFrames([framework], [mapping])).toEqual([framework]);
    expect(retraceFrames([{ module: "a.a", function: "zz", filename: "SourceFile", lineno: 3 }], [mapping])).toEqual([{ module: "com.example.shop.Cart", function: "zz", filename: "Cart.kt", lineno: 3 }]);
    // An inner class's file is its outer class's.
    expect(retraceFrames([{ module: "a.c", function: "a", lineno: 1 }], [mapping])).toEqual([{ module: "com.example.shop.Cart$Line", function: "price", filename: "Cart.kt", lineno: 70 }]);
  });

  it("without a line, names the method only when every entry agrees", () => {
    expect(retraceFrames([{ module: "a.a", function: "b" }], [mapping])).toEqual([{ module: "com.example.shop.Cart", function: "discount", filename: "Cart.kt" }]);
    expect(retraceFrames([{ module: "com.example.shop.CheckoutActivity", function: "b" }], [mapping])[0].function).toBe("b");
  });

  it("names exception classes", () => {
    expect(originalClassName("a.b", [mapping])).toBe("com.example.shop.PaymentDeclinedException");
    expect(originalClassName("java.lang.IllegalStateException", [mapping])).toBeUndefined();
  });
});

describe("retraceText", () => {
  it("retraces a JVM trace as printed: header, frames (inlined ones expanded), causes", () => {
    const trace = [
      'Exception in thread "main" a.b: card declined',
      "\tat a.a.b(SourceFile:3)",
      "\tat com.example.shop.CheckoutActivity.b(SourceFile:1) ~[app.jar:?]",
      "\tat android.os.Handler.dispatchMessage(Handler.java:106)",
      "Caused by: a.b: upstream",
      "\t... 3 more",
    ].join("\r\n");
    expect(retraceText(trace, [mapping]).split("\r\n")).toEqual([
      'Exception in thread "main" com.example.shop.PaymentDeclinedException: card declined',
      "\tat com.example.shop.Cart.discount(Cart.kt:51)",
      "\tat com.example.shop.Cart.total(Cart.kt:40) ~[app.jar:?]",
      "\tat com.example.shop.CheckoutActivity.pay(CheckoutActivity.kt:22) ~[app.jar:?]",
      "\tat android.os.Handler.dispatchMessage(Handler.java:106)",
      "Caused by: com.example.shop.PaymentDeclinedException: upstream",
      "\t... 3 more",
    ]);
  });

  it("leaves a trace no mapping knows unchanged", () => {
    const trace = "java.lang.IllegalStateException: boom\n\tat com.acme.Main.run(Main.java:3)\n";
    expect(retraceText(trace, [mapping])).toBe(trace);
  });
});

describe("retraceEvent", () => {
  it("retraces the raised exception and its chain; frames in the release's app package become application code", () => {
    const handler = { module: "android.os.Handler", function: "dispatchMessage", filename: "Handler.java", lineno: 106, inApp: false };
    const event = retraceEvent(
      {
        type: "b",
        module: "a",
        message: "card declined",
        release: "com.example.shop@1.4.2+42",
        stackTrace: [handler, { module: "a.a", function: "a", filename: "SourceFile", absPath: "SourceFile", lineno: 1, inApp: false }],
        exceptions: [{ type: "b", module: "a", message: "card declined" }, { type: "a.b", message: "upstream", stackTrace: "a.b: upstream\n\tat a.a.b(SourceFile:2)" }],
      },
      [mapping],
    );
    expect(event).toMatchObject({ type: "PaymentDeclinedException", module: "com.example.shop", message: "card declined" });
    expect(event.stackTrace).toEqual([handler, { module: "com.example.shop.Cart", function: "total", filename: "Cart.kt", lineno: 40, inApp: true }]);
    expect(event.exceptions?.map((e) => e.type)).toEqual(["PaymentDeclinedException", "com.example.shop.PaymentDeclinedException"]);
    expect(event.exceptions?.[1].stackTrace).toBe("com.example.shop.PaymentDeclinedException: upstream\n\tat com.example.shop.Cart.discount(Cart.kt:50)");
    // A framework exception keeps its name; no mapping, no change.
    expect(retraceEvent({ type: "IllegalStateException", module: "java.lang", message: "x" }, [mapping])).toMatchObject({ type: "IllegalStateException", module: "java.lang" });
    const untouched = { type: "b", module: "a", message: "x" };
    expect(retraceEvent(untouched, [])).toBe(untouched);
  });

  it("reads the app package only from a release that names one", () => {
    expect(appPackageOf("com.example.shop@1.4.2+42")).toBe("com.example.shop");
    expect(appPackageOf("shop@1.4.2")).toBeUndefined();
    expect(appPackageOf("com.example.shop")).toBeUndefined();
    expect(appPackageOf("1.4.2")).toBeUndefined();
    expect(appPackageOf(undefined)).toBeUndefined();
  });
});

describe("proguardUuid", () => {
  it("is the name-based UUID Sentry's tooling gives the file's bytes", () => {
    // What sentry-cli 3.8.0's `upload-proguard` named this file.
    expect(proguardUuid(Buffer.from("com.acme.Main -> a:\n    void run() -> a\n"))).toBe(SENTRY_CLI_UUID);
    expect(proguardUuid(Buffer.from(MAPPING))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(proguardUuid(Buffer.from(MAPPING))).toBe(proguardUuid(Buffer.from(MAPPING)));
    expect(proguardUuid(Buffer.from(`${MAPPING}\n`))).not.toBe(proguardUuid(Buffer.from(MAPPING)));
  });
});
