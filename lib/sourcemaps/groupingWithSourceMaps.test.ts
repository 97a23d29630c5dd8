import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { groupEvent } from "@/lib/grouping/groupEvent";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { applySourceMaps } from "@/lib/sourcemaps/applySourceMaps";
import { parseSourceMap } from "@/lib/sourcemaps/parseSourceMap";

// esbuild's minified bundle of lib/sourcemaps/__fixtures__ (main.ts + cart.ts) and its map.
const map = parseSourceMap(fs.readFileSync(path.join(__dirname, "__fixtures__", "main.min.js.map"), "utf8"));
const maps = new Map([["~/static/js/main.js", map]]);
const mapFrames = (frames: Frame[]) => applySourceMaps(frames, maps, { sourceLines: false });

/** The bundle's stack as a browser reports it (outermost first); `names` are whatever the minifier chose this build. */
function stack(names: [string, string, string], columns = [219, 143, 30]): Frame[] {
  return names.map((name, i) => ({ function: name, filename: "/static/js/main.js", absPath: "https://shop.example/static/js/main.js", lineno: 1, colno: columns[i], inApp: true }));
}

const event = (frames: Frame[], message = "Cannot read properties of undefined (reading 'items')") => ({ type: "TypeError", message, platform: "javascript", stackTrace: frames });

describe("grouping with source maps", () => {
  it("keys a minified stack on the functions as written, so another build's minified names are the same issue", () => {
    const a = groupEvent({ ...event(stack(["a", "n.checkout", "o"])), mapFrames });
    const b = groupEvent({ ...event(stack(["xe", "Qt.checkout", "r"])), mapFrames });
    expect(a.basis).toBe("stack");
    expect(a.culprit).toMatchObject({ function: "totalOf", filename: "cart.ts" });
    expect(b.fingerprint).toBe(a.fingerprint);
    // What is stored and shown stays as received (the view maps it again, with source lines).
    expect(a.exceptions[0].frames.map((f) => f.function)).toEqual(["a", "n.checkout", "o"]);
  });

  it("tells apart two bugs with one message in different functions, which minified names cannot", () => {
    const inTotal = [stack(["a", "n.checkout", "o"])[0], stack(["a", "n.checkout", "o"])[2]];
    const inPay = [stack(["a", "n.checkout", "o"])[0]];
    const mappedTotal = groupEvent({ ...event(inTotal), mapFrames });
    const mappedPay = groupEvent({ ...event(inPay), mapFrames });
    expect([mappedTotal.culprit?.function, mappedPay.culprit?.function]).toEqual(["totalOf", "onPayClicked"]);
    expect(mappedPay.fingerprint).not.toBe(mappedTotal.fingerprint);
    // Without maps one- and two-letter names are no names: both key on the bundle's file and their (equal) message.
    expect(groupEvent(event(inPay)).fingerprint).toBe(groupEvent(event(inTotal)).fingerprint);
  });

  it("maps a trace sent as text too", () => {
    const text = [
      "TypeError: Cannot read properties of undefined (reading 'items')",
      "    at o (https://shop.example/static/js/main.js:1:30)",
      "    at n.checkout (https://shop.example/static/js/main.js:1:143)",
      "    at a (https://shop.example/static/js/main.js:1:219)",
    ].join("\n");
    const fromText = groupEvent({ type: "TypeError", message: "Cannot read properties of undefined (reading 'items')", platform: "javascript", stackTrace: text, mapFrames });
    expect(fromText.culprit).toMatchObject({ function: "totalOf" });
    expect(fromText.fingerprint).toBe(groupEvent({ ...event(stack(["a", "n.checkout", "o"])), mapFrames }).fingerprint);
  });
});
