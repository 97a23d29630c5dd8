import { describe, expect, it } from "vitest";
import { PLATFORMS, PlatformSchema } from "@/lib/projects/projectSchemas";
import { languageOfPlatform } from "@/lib/ingest/stacktrace/platformLanguage";

describe("PLATFORMS", () => {
  it("offers Lua, Perl, OCaml and Haskell projects, each read as its language, before other", () => {
    for (const platform of ["lua", "perl", "ocaml", "haskell"]) {
      expect(PlatformSchema.parse(platform)).toBe(platform);
      expect(languageOfPlatform(platform)).toBe(platform);
    }
    expect(PLATFORMS.at(-1)).toBe("other");
  });

  it("names a language the stack-trace parsers know for every platform but other", () => {
    for (const platform of PLATFORMS.filter((p) => p !== "other")) expect(languageOfPlatform(platform), platform).not.toBe("unknown");
  });
});
