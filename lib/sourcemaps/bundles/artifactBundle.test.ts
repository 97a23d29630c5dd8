import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withDeclaredSize, writeZip } from "@/lib/sourcemaps/bundles/__fixtures__/writeZip";
import { ArtifactBundleError, readArtifactBundle, referencedMap } from "@/lib/sourcemaps/bundles/artifactBundle";
import { readZip, ZipEntryTooLargeError, ZipError } from "@/lib/sourcemaps/bundles/readZip";
import { MAX_SOURCE_MAP_BYTES } from "@/lib/sourcemaps/sourceMapSchemas";
import { normalizeDebugId } from "@/lib/sourcemaps/debugId";

const MAP = fs.readFileSync(path.join(__dirname, "../__fixtures__/main.min.js.map"));
const ID = "ab6f78a0-9db3-5a81-8542-e9b40a293639";
const limits = { maxEntries: 100, maxTotalBytes: 10_000_000 };

/** A bundle as `sentry-cli sourcemaps upload` builds one: files under files/_/_/, a manifest naming them. */
function bundle(files: Record<string, { type: string; url: string; headers?: Record<string, string>; content: string | Buffer }>, extra: Record<string, string | Buffer> = {}) {
  const manifest = { files: Object.fromEntries(Object.entries(files).map(([p, f]) => [p, { type: f.type, url: f.url, headers: f.headers ?? {} }])), org: "acme", project: "web" };
  return writeZip({ ...Object.fromEntries(Object.entries(files).map(([p, f]) => [p, f.content])), "manifest.json": JSON.stringify(manifest), ...extra });
}

describe("readZip", () => {
  it("reads stored and deflated entries, past a trailing comment, each only when asked for", () => {
    for (const stored of [false, true]) {
      const files = readZip(writeZip({ "a.txt": "hello", "dir/b.bin": Buffer.from([0, 1, 2, 255]) }, { stored, comment: "made by a test" }), limits);
      expect([...files.keys()]).toEqual(["a.txt", "dir/b.bin"]);
      expect(files.get("a.txt")!(100).toString()).toBe("hello");
      expect([...files.get("dir/b.bin")!(100)]).toEqual([0, 1, 2, 255]);
    }
  });

  it("refuses what is not a ZIP, damaged data, a lying size and archives past the limits, before inflating", () => {
    expect(() => readZip(Buffer.from("PK not really"), limits)).toThrow(ZipError);
    expect(() => readZip(Buffer.alloc(0), limits)).toThrow("not a ZIP archive");
    const zip = writeZip({ "a.txt": "x".repeat(1000) });
    expect(() => readZip(zip, { maxEntries: 100, maxTotalBytes: 999 })).toThrow("inflate to more than 999 bytes");
    expect(() => readZip(writeZip({ a: "1", b: "2", c: "3" }), { maxEntries: 2, maxTotalBytes: 100 })).toThrow("more than 2 entries");
    // The central directory's size of a.txt says 10 bytes; it inflates to 1,000.
    const lying = Buffer.from(zip);
    lying.writeUInt32LE(10, lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    expect(() => readZip(lying, limits).get("a.txt")!(10_000)).toThrow("past the 10 bytes the directory says");
    // A flipped byte in the stored data: the CRC-32 tells.
    const stored = writeZip({ "a.txt": "hello world" }, { stored: true });
    stored[stored.indexOf("hello") + 1] ^= 1;
    expect(() => readZip(stored, limits).get("a.txt")!(100)).toThrow("checksum does not match");
  });

  it("refuses a file declared larger than its reader takes without inflating it, and stops inflating one whose size lies", () => {
    const zip = writeZip({ "bomb.txt": " ".repeat(100_000), "small.txt": "fine" });
    // Declared 8 MiB: refused from the directory alone — its data is never inflated (were it, the
    // 100,000 bytes it holds would not match the size declared, a different error).
    const error = (() => {
      try {
        readZip(withDeclaredSize(zip, "bomb.txt", 8 * 1024 * 1024), limits).get("bomb.txt")!(1024 * 1024);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ZipEntryTooLargeError);
    expect(error).toMatchObject({ message: "bomb.txt: larger than 1048576 bytes", entryName: "bomb.txt", limit: 1024 * 1024 });
    // Declared within the cap but inflating past it: inflation stops one byte past the declared size.
    expect(() => readZip(withDeclaredSize(zip, "bomb.txt", 1000), limits).get("bomb.txt")!(1024 * 1024)).toThrow("bomb.txt: inflates past the 1000 bytes the directory says");
    const files = readZip(zip, limits);
    expect(() => files.get("bomb.txt")!(99_999)).toThrow("bomb.txt: larger than 99999 bytes");
    expect(files.get("bomb.txt")!(100_000).length).toBe(100_000);
    expect(files.get("small.txt")!(4).toString()).toBe("fine");
  });
});

describe("artifact bundles", () => {
  it("name each map by the minified file that points at it, with its debug ID", () => {
    const zip = bundle({
      "files/_/_/static/js/main.js": { type: "minified_source", url: "~/static/js/main.js", headers: { "debug-id": ID, Sourcemap: "main.js.map" }, content: "(()=>{})()" },
      "files/_/_/static/js/main.js.map": { type: "source_map", url: "~/static/js/main.js.map", headers: { "debug-id": ID.toUpperCase() }, content: MAP },
    });
    const maps = readArtifactBundle(zip, { release: null });
    expect(maps).toEqual([{ url: "~/static/js/main.js", debugId: ID, content: MAP, sourceCount: 2 }]);
  });

  it("without a minified file, name a map by its own URL less .map; a release alone finds maps without debug IDs", () => {
    const zip = bundle({ "files/_/_/vendor.js.map": { type: "source_map", url: "~/assets/vendor.js.map", content: MAP } });
    expect(readArtifactBundle(zip, { release: "shop@1.0" })).toMatchObject([{ url: "~/assets/vendor.js", debugId: null }]);
    expect(() => readArtifactBundle(zip, { release: null })).toThrow("has no debug ID and the upload names no release");
  });

  it("keep a NUL in the manifest's URLs out of the database (U+FFFD)", () => {
    const zip = bundle({ "files/_/_/a.js.map": { type: "source_map", url: "~/a\u0000.js.map", headers: { "debug-id": ID }, content: MAP } });
    expect(readArtifactBundle(zip, { release: null })).toMatchObject([{ url: "~/a\uFFFD.js", debugId: ID }]);
  });

  it("refuse a bundle whole, naming the file, when one map is not a source map or a file is missing", () => {
    const bad = bundle({
      "files/_/_/a.js.map": { type: "source_map", url: "~/a.js.map", headers: { "debug-id": ID }, content: MAP },
      "files/_/_/b.js.map": { type: "source_map", url: "~/b.js.map", headers: { "debug-id": "c0ffee00-0000-4000-8000-000000000001" }, content: "{\"version\":2}" },
    });
    expect(() => readArtifactBundle(bad, { release: null })).toThrow(/~\/b\.js\.map: not a source map/);
    const missing = writeZip({ "manifest.json": JSON.stringify({ files: { "files/_/_/a.js.map": { type: "source_map", url: "~/a.js.map", headers: { "debug-id": ID } } } }) });
    expect(() => readArtifactBundle(missing, { release: null })).toThrow("which the bundle does not hold");
    expect(() => readArtifactBundle(writeZip({ "x.txt": "" }), { release: null })).toThrow("no manifest.json");
    expect(() => readArtifactBundle(writeZip({ "manifest.json": "{" }), { release: null })).toThrow("manifest.json: not JSON");
    expect(() => readArtifactBundle(writeZip({ "manifest.json": "{\"files\":[1]}" }), { release: null })).toThrow(ArtifactBundleError);
    expect(() => readArtifactBundle(Buffer.from("not a zip"), { release: null })).toThrow("not an artifact bundle");
    const badId = bundle({ "files/_/_/a.js.map": { type: "source_map", url: "~/a.js.map", headers: { "debug-id": "nope" }, content: MAP } });
    expect(() => readArtifactBundle(badId, { release: "1" })).toThrow("is not a UUID");
  });

  it("refuse a source map or manifest declared past its limit before inflating it, naming the file", () => {
    const zip = bundle({ "files/_/_/big.js.map": { type: "source_map", url: "~/big.js.map", headers: { "debug-id": ID }, content: MAP } });
    // A ZIP bomb's map: its directory says nearly 2 GiB (what the bundle's total allowed one file); refused at once.
    expect(() => readArtifactBundle(withDeclaredSize(zip, "files/_/_/big.js.map", MAX_SOURCE_MAP_BYTES + 1), { release: null })).toThrow(`~/big.js.map: larger than ${MAX_SOURCE_MAP_BYTES} bytes`);
    expect(() => readArtifactBundle(withDeclaredSize(zip, "files/_/_/big.js.map", 2 ** 31 - 65_536), { release: null })).toThrow(`~/big.js.map: larger than ${MAX_SOURCE_MAP_BYTES} bytes`);
    expect(() => readArtifactBundle(withDeclaredSize(zip, "manifest.json", 64 * 1024 * 1024), { release: null })).toThrow(/^manifest\.json: larger than \d+ bytes$/);
  });

  it("read a file whose path is __proto__ like any other", () => {
    const zip = bundle({
      ["__proto__"]: { type: "source_map", url: "~/p.js.map", headers: { "debug-id": ID }, content: MAP },
      "files/_/_/b.js.map": { type: "source_map", url: "~/b.js.map", content: MAP },
    });
    expect(Object.keys(JSON.parse(readZip(zip, limits).get("manifest.json")!(100_000).toString()).files)).toEqual(["__proto__", "files/_/_/b.js.map"]);
    expect(readArtifactBundle(zip, { release: "1.0" })).toMatchObject([
      { url: "~/p.js", debugId: ID },
      { url: "~/b.js", debugId: null },
    ]);
    // An entry of it that is not a file's description is refused naming it, as any other is.
    const bad = writeZip({ "manifest.json": '{"files":{"__proto__":{"type":"source_map"}}}', ["__proto__"]: MAP });
    expect(() => readArtifactBundle(bad, { release: "1.0" })).toThrow("manifest.json: files.__proto__.url:");
  });

  it("resolve a minified file's sourcemap reference against its URL", () => {
    const file = (url: string, sourcemap: string) => ({ url, headers: new Map([["sourcemap", sourcemap]]) });
    expect(referencedMap(file("~/static/js/main.js", "main.js.map"))).toBe("~/static/js/main.js.map");
    expect(referencedMap(file("~/static/js/main.js", "../maps/main.js.map"))).toBe("~/static/maps/main.js.map");
    expect(referencedMap(file("~/main.js", "./main.js.map"))).toBe("~/main.js.map");
    expect(referencedMap(file("https://cdn.example/app.js", "https://maps.example/app.js.map"))).toBe("https://maps.example/app.js.map");
    expect(referencedMap(file("~/main.js", "data:application/json;base64,e30="))).toBeUndefined();
  });

  it("normalise debug IDs as stored: lowercase and hyphenated", () => {
    expect(normalizeDebugId("AB6F78A09DB35A818542E9B40A293639")).toBe(ID);
    expect(normalizeDebugId(` ${ID} `)).toBe(ID);
    expect(normalizeDebugId("ab6f78a0-9db3-5a81-8542-e9b40a29363")).toBeNull();
    expect(normalizeDebugId("")).toBeNull();
  });
});
