import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applySourceMaps } from "@/lib/sourcemaps/applySourceMaps";
import { enclosingFunction } from "@/lib/sourcemaps/enclosingFunction";
import { assertMappingsValid, parseSourceMap, resolvePositions, SourceMapError } from "@/lib/sourcemaps/parseSourceMap";
import { sourceLineWindow } from "@/lib/sourcemaps/sourceLines";
import { cleanSourcePath, sourceMapUrlCandidates } from "@/lib/sourcemaps/sourceMapUrl";

// esbuild 0.28 --bundle --minify --sourcemap of main.ts + cart.ts (__fixtures__); running the bundle prints:
//   TypeError: Cannot read properties of undefined (reading 'items')
//     at o (…/main.js:1:30)  at n.checkout (…/main.js:1:143)  at a (…/main.js:1:219)  at …/main.js:1:269
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "__fixtures__", name), "utf8");
const mapText = fixture("main.min.js.map");
const URL = "https://shop.example/static/js/main.3f2a.js";

describe("source maps", () => {
  it("resolve minified positions to original file, line and column (1-based), as source-map libraries do", () => {
    const map = parseSourceMap(mapText);
    expect(resolvePositions(map, [30, 143, 219, 269].map((column) => ({ line: 1, column })))).toEqual([
      { source: "../cart.ts", sourceIndex: 0, line: 5, column: 15, name: null },
      { source: "../cart.ts", sourceIndex: 0, line: 12, column: 19, name: "totalOf" },
      { source: "../main.ts", sourceIndex: 1, line: 6, column: 16, name: null },
      { source: "../main.ts", sourceIndex: 1, line: 11, column: 1, name: "onPayClicked" },
    ]);
    expect(resolvePositions(map, [{ line: 1, column: 1 }, { line: 2, column: 1 }])).toEqual([null, null]);
  });

  it("map a minified stack to what was written: files, lines, enclosing functions, source lines; the minified position kept", () => {
    const frames = [
      { filename: "/static/js/main.3f2a.js", absPath: `${URL}?v=2`, lineno: 1, colno: 269, inApp: true },
      { function: "a", filename: "/static/js/main.3f2a.js", absPath: URL, lineno: 1, colno: 219, inApp: true },
      { function: "n.checkout", filename: "/static/js/main.3f2a.js", absPath: URL, lineno: 1, colno: 143, inApp: true, contextLine: "(()=>{function o(t){…" },
      { function: "o", filename: "/static/js/main.3f2a.js", absPath: URL, lineno: 1, colno: 30, inApp: true },
      { function: "handle", filename: "/srv/app/server.js", lineno: 10, colno: 3 },
    ];
    const mapped = applySourceMaps(frames, new Map([["~/static/js/main.3f2a.js", parseSourceMap(mapText)]]));
    expect(mapped.map((f) => [f.function, f.filename, f.lineno, f.colno])).toEqual([
      [undefined, "main.ts", 11, 1],
      ["onPayClicked", "main.ts", 6, 16],
      ["CheckoutService.checkout", "cart.ts", 12, 19],
      ["totalOf", "cart.ts", 5, 15],
      ["handle", "/srv/app/server.js", 10, 3],
    ]);
    expect(mapped[3]).toMatchObject({
      contextLine: "  return cart.items.reduce((sum, item) => sum + item.price * item.qty, 0);",
      preContext: ["interface Item { sku: string; price: number; qty: number }", "interface Cart { id: string; items: Item[] }", "", "export function totalOf(cart: Cart): number {"],
      postContext: ["}", "", "export class CheckoutService {", "  constructor(private readonly taxRate: number) {}", ""],
      minified: { function: "o", filename: "/static/js/main.3f2a.js", lineno: 1, colno: 30 },
      inApp: true,
    });
    expect(mapped[2].contextLine).toBe("    const total = totalOf(cart as Cart);");
    expect(mapped[4]).toBe(frames[4]);
  });

  it("leave frames alone without a map for their file, or without a line and column", () => {
    const frames = [{ function: "o", absPath: "https://other.example/app.js", lineno: 1, colno: 30 }, { function: "o", absPath: URL }];
    expect(applySourceMaps(frames, new Map([[URL, parseSourceMap(mapText)]]))).toEqual(frames);
  });

  it("refuse what is not a v3 source map, naming why", () => {
    expect(() => parseSourceMap("nope")).toThrow(SourceMapError);
    expect(() => parseSourceMap(JSON.stringify({ version: 2, sources: [], mappings: "" }))).toThrow(/version/);
    expect(() => parseSourceMap(JSON.stringify({ version: 3, sections: [] }))).toThrow(/index maps/);
    const bad = parseSourceMap(JSON.stringify({ version: 3, sources: ["a.js"], names: [], mappings: "AAAA;!!" }));
    expect(() => assertMappingsValid(bad)).toThrow(/invalid character/);
    // A BOM and the XSSI prefix some servers add are tolerated.
    expect(parseSourceMap(`\uFEFF${mapText}`).sources).toHaveLength(2);
    expect(parseSourceMap(`)]}'\n${mapText}`).sources).toHaveLength(2);
  });

  it("prefix sources with sourceRoot, and clean bundler paths for display", () => {
    expect(parseSourceMap(JSON.stringify({ version: 3, sourceRoot: "src", sources: ["a.ts", "/abs.ts", "webpack://x/b.ts"], mappings: "" })).sources).toEqual(["src/a.ts", "/abs.ts", "webpack://x/b.ts"]);
    expect(cleanSourcePath("webpack://shop/./src/cart.ts")).toBe("src/cart.ts");
    expect(cleanSourcePath("../../src/cart.ts")).toBe("src/cart.ts");
    expect(cleanSourcePath("../node_modules/react-dom/cjs/react-dom.production.js")).toBe("node_modules/react-dom/cjs/react-dom.production.js");
  });

  it("find a minified file's map by its URL or by its path on any host", () => {
    expect(sourceMapUrlCandidates("https://shop.example/static/js/main.js?v=1#x")).toEqual(["https://shop.example/static/js/main.js", "~/static/js/main.js"]);
    expect(sourceMapUrlCandidates("app:///main.jsbundle")).toEqual(["app:///main.jsbundle", "~/main.jsbundle"]);
    expect(sourceMapUrlCandidates("/srv/app/dist/server.js")).toEqual(["/srv/app/dist/server.js", "~/srv/app/dist/server.js"]);
  });
});

describe("enclosingFunction", () => {
  it("names the function around a line as a reader would, with its class for a method", () => {
    const cart = fixture("cart.ts.txt");
    expect(enclosingFunction(cart, 5)).toBe("totalOf");
    expect(enclosingFunction(cart, 12)).toBe("CheckoutService.checkout");
    const main = fixture("main.ts.txt");
    expect(enclosingFunction(main, 7)).toBe("onPayClicked"); // inside an anonymous callback of it
    expect(enclosingFunction(main, 11)).toBeNull(); // top-level code
    const styles = [
      "const load = async (id: string) => {",
      "  return fetch(id);",
      "};",
      "export const api = {",
      "  save: function (x) {",
      "    return x;",
      "  },",
      "  remove(x) {",
      "    if (x) {",
      "      throw new Error('no');",
      "    }",
      "  },",
      "};",
    ].join("\n");
    expect(enclosingFunction(styles, 2)).toBe("load");
    expect(enclosingFunction(styles, 6)).toBe("save");
    expect(enclosingFunction(styles, 10)).toBe("remove");
  });
});

describe("a map's own debug ID", () => {
  it("is read from debugId (or debug_id), normalised, and null when absent or not a UUID", () => {
    const base = { version: 3, sources: [], mappings: "" };
    expect(parseSourceMap(JSON.stringify({ ...base, debugId: "AB6F78A0-9DB3-5A81-8542-E9B40A293639" })).debugId).toBe("ab6f78a0-9db3-5a81-8542-e9b40a293639");
    expect(parseSourceMap(JSON.stringify({ ...base, debug_id: "ab6f78a09db35a818542e9b40a293639" })).debugId).toBe("ab6f78a0-9db3-5a81-8542-e9b40a293639");
    expect(parseSourceMap(JSON.stringify({ ...base, debugId: 42 })).debugId).toBeNull();
    expect(parseSourceMap(JSON.stringify(base)).debugId).toBeNull();
  });
});

describe("sourceLineWindow", () => {
  it("gives a window of an original source's lines, clipped to the file, without its line breaks", () => {
    const map = { sources: ["a.ts", "b.ts"], sourcesContent: ["one\ntwo\r\nthree\nfour", null], names: [], mappings: "", debugId: null };
    expect(sourceLineWindow(map, 0, 2, 3)).toEqual({ first: 2, lines: ["two\r", "three"] });
    expect(sourceLineWindow(map, 0, -5, 99)).toEqual({ first: 1, lines: ["one", "two\r", "three", "four"] });
    expect(sourceLineWindow(map, 0, 9, 12)).toEqual({ first: 9, lines: [] });
    expect(sourceLineWindow(map, 1, 1, 2)).toBeNull();
  });
});
