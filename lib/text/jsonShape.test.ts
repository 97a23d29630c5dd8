import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, fuzzTimeout, hostileJson } from "@/lib/fuzz/fuzzSettings";
import { scanJsonShape, type JsonShapeLimits } from "@/lib/text/jsonShape";

const NONE: JsonShapeLimits = { maxDepth: Infinity, maxValues: Infinity, maxContainers: Infinity };

/** The shape of a parsed value as the scan counts it: containers, plus one per `,` and `:`. */
function shapeOf(value: unknown): { depth: number; values: number; containers: number } {
  let depth = 0;
  let values = 0;
  let containers = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    containers++;
    values++;
    depth = Math.max(depth, level);
    const items = Array.isArray(node) ? node : Object.values(node);
    // Array: a comma between elements; object: a colon per member and a comma between members.
    if (items.length > 0) values += Array.isArray(node) ? items.length - 1 : 2 * items.length - 1;
    for (const item of items) stack.push([item, level + 1]);
  }
  return { depth, values, containers };
}

const scan = (text: string, limits: Partial<JsonShapeLimits> = {}) => scanJsonShape(Buffer.from(text), { ...NONE, ...limits });

describe("scanJsonShape", () => {
  it("measures what JSON.parse would build, whatever the strings hold (escaped quotes, backslashes, brackets, any plane)", () => {
    fc.assert(
      fc.property(hostileJson(5), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        if (text === undefined) return;
        const shape = shapeOf(JSON.parse(text));
        expect(scan(text, { maxDepth: shape.depth, maxValues: shape.values, maxContainers: shape.containers })).toBeNull();
        if (shape.containers === 0) return;
        expect(scan(text, { maxDepth: shape.depth - 1 })?.bound).toBe("depth");
        expect(scan(text, { maxValues: shape.values - 1 })?.bound).toBe("values");
        expect(scan(text, { maxContainers: shape.containers - 1 })?.bound).toBe("containers");
      }),
      fuzzParams(150),
    );
  }, fuzzTimeout(150));

  it("names where a bound was passed by the index or key of the first two levels", () => {
    const deep = "[".repeat(600) + "]".repeat(600);
    expect(scan(`[{"type":"E"},{"type":"F","context":${deep}}]`, { maxDepth: 512 })).toEqual({ bound: "depth", limit: 512, path: [1, "context"] });
    expect(scan(`{"events":[{},[],${deep}]}`, { maxDepth: 512 })).toEqual({ bound: "depth", limit: 512, path: ["events", 2] });
    expect(scan(`{"type":"E","con\\"text":{"a":${deep}}}`, { maxDepth: 512 })).toEqual({ bound: "depth", limit: 512, path: ['con\\"text', "a"] });
    expect(scan(`[${deep}]`, { maxDepth: 512 })).toEqual({ bound: "depth", limit: 512, path: [0, 0] });
    expect(scan("[1,2,3,4,5]", { maxValues: 3 })).toEqual({ bound: "values", limit: 3, path: [3] });
    expect(scan("[{},{},{}]", { maxContainers: 3 })).toEqual({ bound: "containers", limit: 3, path: [2] });
  });

  it("does not count what is inside strings", () => {
    expect(scan(JSON.stringify(["[[[{{{,,,:::\\\"", '"]]]', "\\"]), { maxDepth: 1, maxValues: 3, maxContainers: 1 })).toBeNull();
  });

  it("leaves text that is not JSON to JSON.parse (null), unless a bound was passed first", () => {
    expect(scan('["never closed', { maxDepth: 1 })).toBeNull();
    expect(scan("]]]", { maxDepth: 1 })).toBeNull();
    expect(scan("", { maxDepth: 0 })).toBeNull();
    expect(scan("[[[ not json", { maxDepth: 2 })?.bound).toBe("depth");
  });

  it("stops at the first bound passed: what follows is not read (a 10 MiB body of tiny values, an unterminated string after it)", () => {
    const body = Buffer.from(`[${"1,".repeat(5 * 1024 * 1024 - 1)}1, "never closed`);
    expect(scanJsonShape(body, { maxDepth: 512, maxValues: 1000, maxContainers: 1000 })).toEqual({ bound: "values", limit: 1000, path: [1000] });
  });
});
