import { describe, expect, it } from "vitest";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { withJvmSourceContext } from "@/lib/jvmSources/jvmSourceContext";
import { MAX_SOURCE_FILE_BYTES, readSourceBundle, SourceBundleError, sourceUrlsOf } from "@/lib/jvmSources/sourceBundle";
import { withDeclaredSize, writeZip } from "@/lib/sourcemaps/bundles/__fixtures__/writeZip";

const CART = ["package com.example.shop", "", "class Cart(private val items: List<Line>) {", "  fun total(): Int {", "    return items.sumOf { it.price }", "  }", "", "  class Line(val price: Int)", "}", ""].join("\n");

// As `sentry-cli debug-files bundle-jvm --debug-id … src` writes it (3.8.0, read from its output):
// "SYSB", a format version, then the ZIP.
function bundle(files: Record<string, string> = { "com/example/shop/Cart.jvm": CART }, debugId: string | undefined = "0E5F6C7A-1B2C-5D3E-8F40-5A6B7C8D9E0F") {
  const manifest = { files: Object.fromEntries(Object.keys(files).map((path) => [`files/_/_/${path}`, { type: "source", url: `~/${path}` }])), ...(debugId && { debug_id: debugId }) };
  const entries = { "manifest.json": JSON.stringify(manifest), ...Object.fromEntries(Object.entries(files).map(([path, text]) => [`files/_/_/${path}`, text])) };
  return writeZip(entries, { prefix: Buffer.concat([Buffer.from("SYSB"), Buffer.from([2, 0, 0, 0])]) });
}

describe("JVM source bundles", () => {
  it("reads a bundle's sources by URL and its debug ID", () => {
    const read = readSourceBundle(bundle());
    expect(read.debugId).toBe("0e5f6c7a-1b2c-5d3e-8f40-5a6b7c8d9e0f");
    expect(read.files.get("~/com/example/shop/Cart.jvm")?.().toString()).toBe(CART);
    // A bare ZIP (no header) reads the same.
    expect(readSourceBundle(writeZip({ "manifest.json": JSON.stringify({ files: { "f/A.jvm": { type: "source", url: "~/A.jvm" } } }), "f/A.jvm": "class A" })).files.size).toBe(1);
  });

  it("refuses what is not a bundle, saying why", () => {
    expect(() => readSourceBundle(Buffer.from("PK\x03\x04 not really"))).toThrow(SourceBundleError);
    expect(() => readSourceBundle(writeZip({ "a.txt": "x" }))).toThrow("no manifest.json");
    expect(() => readSourceBundle(writeZip({ "manifest.json": "{" }))).toThrow("not JSON");
    expect(() => readSourceBundle(writeZip({ "manifest.json": JSON.stringify({ files: {} }) }))).toThrow("lists no sources");
  });

  it("reads a source whose path is __proto__ like any other", () => {
    const read = readSourceBundle(writeZip({ "manifest.json": '{"files":{"__proto__":{"type":"source","url":"~/A.jvm"}}}', ["__proto__"]: "class A" }));
    expect(read.files.get("~/A.jvm")?.().toString()).toBe("class A");
  });

  it("refuses a source or manifest declared past its limit without inflating it; frames then go without lines", () => {
    // The directory says Cart.jvm is 512 MiB (the whole bundle's limit): refused from that alone, on the event view's GET.
    const bomb = readSourceBundle(withDeclaredSize(bundle(), "files/_/_/com/example/shop/Cart.jvm", 512 * 1024 * 1024 - 65_536));
    expect(() => bomb.files.get("~/com/example/shop/Cart.jvm")!()).toThrow(`larger than ${MAX_SOURCE_FILE_BYTES} bytes`);
    const own = { module: "com.example.shop.Cart", function: "total", filename: "Cart.kt", lineno: 5 };
    expect(withJvmSourceContext<Frame>([own], [bomb])[0]).toBe(own);
    expect(() => readSourceBundle(withDeclaredSize(bundle(), "manifest.json", 64 * 1024 * 1024))).toThrow(/^manifest\.json: larger than \d+ bytes$/);
  });

  it("finds a frame's file by its source file name, then by its outer class", () => {
    expect(sourceUrlsOf({ module: "com.example.shop.CartKt", filename: "Cart.kt" })).toEqual(["~/com/example/shop/Cart.jvm", "~/com/example/shop/CartKt.jvm"]);
    expect(sourceUrlsOf({ module: "com.example.shop.Cart$Line", filename: "SourceFile" })).toEqual(["~/com/example/shop/Cart.jvm"]);
    expect(sourceUrlsOf({ module: "Main" })).toEqual(["~/Main.jvm"]);
    expect(sourceUrlsOf({ module: "../../etc/passwd" })).toEqual([]);
    expect(sourceUrlsOf({ filename: "Cart.kt" })).toEqual([]);
  });

  it("gives frames without lines their line and five around it; others are kept", () => {
    const read = readSourceBundle(bundle());
    const framework = { module: "android.os.Handler", function: "dispatchMessage", filename: "Handler.java", lineno: 106 };
    const own = { module: "com.example.shop.Cart", function: "total", filename: "Cart.kt", lineno: 5 };
    const sent = { ...own, lineno: 4, contextLine: "as the SDK sent it" };
    const [a, b, c, d] = withJvmSourceContext<Frame>([framework, own, sent, { ...own, lineno: 99 }], [read]);
    expect(a).toBe(framework);
    expect(b).toEqual({ ...own, preContext: CART.split("\n").slice(0, 4), contextLine: "    return items.sumOf { it.price }", postContext: CART.split("\n").slice(5, 10) });
    expect(c).toBe(sent);
    expect(d.contextLine).toBeUndefined();
    expect(withJvmSourceContext([own], [])[0]).toBe(own);
  });
});
