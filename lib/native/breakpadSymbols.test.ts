import { describe, expect, it } from "vitest";
import { BreakpadSymbols, BreakpadSymbolsError } from "@/lib/native/breakpadSymbols";
import { nativeDebugId } from "@/lib/native/nativeDebugId";
import { HARBOR_SYM } from "@/lib/native/__fixtures__/harborSymbols";


describe("BreakpadSymbols", () => {
  const symbols = new BreakpadSymbols(HARBOR_SYM);

  it("reads the MODULE record: the debug ID as Sentry writes it", () => {
    expect(symbols.module).toEqual({ os: "Linux", arch: "x86_64", debugId: "3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3", name: "harbor" });
    expect(symbols.functionCount).toBe(2);
  });

  it("keeps a NUL in the MODULE record's names out of the database (U+FFFD)", () => {
    const hostile = new BreakpadSymbols(HARBOR_SYM.replace(/^MODULE (\S+) (\S+) (\S+) harbor/, "MODULE Li\u0000nux $2 $3 har\u0000bor"));
    expect(hostile.module).toMatchObject({ os: "Li\uFFFDnux", name: "har\uFFFDbor" });
  });

  it("finds the function, file and line of an address", () => {
    expect(symbols.lookup(0x1a44)).toEqual([{ function: "Dock::Berth(int)", file: "/src/harbor/dock.cc", line: 40 }]);
    expect(symbols.lookup(0x1ab4)).toEqual([{ function: "main", file: "/src/harbor/main.cc", line: 11 }]);
  });

  it("expands what was inlined there: the caller at the call's line, then the inlined function", () => {
    expect(symbols.lookup(0x1a55)).toEqual([
      { function: "Dock::Berth(int)", file: "/src/harbor/dock.cc", line: 42 },
      { function: "std::vector<int, std::allocator<int> >::operator[](unsigned long)", file: "/usr/include/c++/12/bits/stl_vector.h", line: 1123 },
    ]);
  });

  it("falls back to a PUBLIC symbol, and knows nothing outside them", () => {
    expect(symbols.lookup(0x1b10)).toEqual([{ function: "_start" }]);
    expect(symbols.lookup(0x10)).toBeUndefined();
  });

  it("refuses what is not a symbol file; tolerates records it cannot read", () => {
    expect(() => new BreakpadSymbols("hello\nFUNC 1 2 3 x")).toThrow(BreakpadSymbolsError);
    expect(() => new BreakpadSymbols("")).toThrow(BreakpadSymbolsError);
    const odd = new BreakpadSymbols(["MODULE windows x86 9B7A3C1E5D4F4A2B8C6D1A2B3C4D5E6F1 harbor.pdb", "FUNC zz 10 0 bad", "FUNC 100 10 0 good()", "100 10 nope 0", "INLINE 1 2", "PUBLIC"].join("\r\n"));
    expect(odd.module.debugId).toBe("9b7a3c1e-5d4f-4a2b-8c6d-1a2b3c4d5e6f-1");
    expect(odd.lookup(0x104)).toEqual([{ function: "good()" }]);
  });
});

describe("nativeDebugId", () => {
  it.each([
    ["3E5A0E68D4BE8E6F2F011BF9C5C8F5B30", "3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3"],
    ["3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3", "3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3"],
    ["9B7A3C1E5D4F4A2B8C6D1A2B3C4D5E6F1", "9b7a3c1e-5d4f-4a2b-8c6d-1a2b3c4d5e6f-1"],
    ["9b7a3c1e-5d4f-4a2b-8c6d-1a2b3c4d5e6f-1", "9b7a3c1e-5d4f-4a2b-8c6d-1a2b3c4d5e6f-1"],
    ["9b7a3c1e-5d4f-4a2b-8c6d-1a2b3c4d5e6f-0", "9b7a3c1e-5d4f-4a2b-8c6d-1a2b3c4d5e6f"],
  ])("%s → %s", (input, expected) => expect(nativeDebugId(input)).toBe(expected));

  it("is undefined for what is not one", () => {
    for (const bad of ["", "xyz", "3e5a0e68", 42, null]) expect(nativeDebugId(bad)).toBeUndefined();
  });
});
