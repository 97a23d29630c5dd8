import { describe, expect, it } from "vitest";
import { readUnrealContext } from "@/lib/sentry/unreal/readUnrealContext";

describe("readUnrealContext", () => {
  it("reads each section's elements, empty ones, dotted names, entities and CDATA", () => {
    const context = readUnrealContext(`<?xml version="1.0"?>
<FGenericCrashContext>
  <RuntimeProperties>
    <CrashType>Assert</CrashType>
    <UserDescription />
    <Misc.CPUBrand>Intel(R) &amp; co &#x263A;</Misc.CPUBrand>
    <CallStack>Harbor!A::B(TArray&lt;int&gt;&amp;)
kernel32</CallStack>
    <!-- a comment -->
    <ErrorMessage><![CDATA[Assertion failed: a < b]]></ErrorMessage>
  </RuntimeProperties>
  <EngineData><RHI.RHIName>D3D12</RHI.RHIName></EngineData>
  <GameData><__sentry>{&quot;release&quot;:&quot;harbor@1.2.0&quot;}</__sentry></GameData>
</FGenericCrashContext>`);
    expect(Object.fromEntries(context.runtime)).toEqual({ CrashType: "Assert", UserDescription: "", "Misc.CPUBrand": "Intel(R) & co ☺", CallStack: "Harbor!A::B(TArray<int>&)\nkernel32", ErrorMessage: "Assertion failed: a < b" });
    expect(context.engine.get("RHI.RHIName")).toBe("D3D12");
    expect(context.game.get("__sentry")).toBe('{"release":"harbor@1.2.0"}');
    expect(context.platform.size).toBe(0);
  });

  it("stops at an element never closed, and reads nothing from what is not XML", () => {
    expect(Object.fromEntries(readUnrealContext("<RuntimeProperties><A>1</A><B>2<C>3</C></RuntimeProperties>").runtime)).toEqual({ A: "1" });
    expect(readUnrealContext("\u0000\u0001 garbage").runtime.size).toBe(0);
    const started = performance.now();
    readUnrealContext(`<RuntimeProperties>${"<A>".repeat(100_000)}`);
    readUnrealContext(`<RuntimeProperties>${"<A/>".repeat(100_000)}`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
