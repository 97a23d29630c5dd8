import { describe, expect, it } from "vitest";
import { frameLanguage, viewFrame } from "@/lib/errors/events/eventFrames";

describe("frameLanguage for Lua, Perl, OCaml and Haskell", () => {
  it.each([
    ["app/handler.lua", "lua"],
    ["script/app.pl", "perl"],
    ["lib/Shop/Checkout.pm", "perl"],
    ["t/checkout.t", "perl"],
    ["app.psgi", "perl"],
    ["bin/main.ml", "ocaml"],
    ["src/orders.mli", "ocaml"],
    ["src/Orders.hs", "haskell"],
    ["src/Report.lhs", "haskell"],
  ])("%s → %s", (filename, language) => {
    expect(frameLanguage({ filename }, null)).toBe(language);
  });

  it("falls back to the event's platform", () => {
    expect(["lua", "LuaJIT", "openresty", "perl", "ocaml", "haskell", "ghc"].map((p) => frameLanguage({ function: "f" }, p))).toEqual([
      "lua",
      "lua",
      "lua",
      "perl",
      "ocaml",
      "haskell",
      "haskell",
    ]);
  });

  it("shows library frames of these languages as not the app's", () => {
    expect(viewFrame({ function: "try", module: "Try::Tiny", filename: "lib/Try/Tiny.pm", inApp: true }, "perl").inApp).toBe(false);
    expect(viewFrame({ function: "head", module: "base:GHC.List", filename: "libraries/base/GHC/List.hs" }, "haskell").inApp).toBe(false);
    expect(viewFrame({ function: "total", module: "shop-0.1.0-inplace:Orders", filename: "src/Orders.hs" }, "haskell")).toMatchObject({ inApp: true, language: "haskell" });
  });
});

describe("frameLanguage for Julia, Zig, Crystal and Nim", () => {
  it.each([
    ["/home/dev/app/main.jl", "julia"],
    ["src/main.zig", "zig"],
    ["src/app.cr", "crystal"],
    ["src/app.nim", "nim"],
    ["config.nims", "nim"],
  ])("%s → %s", (filename, language) => {
    expect(frameLanguage({ filename }, null)).toBe(language);
  });

  it("falls back to the event's platform", () => {
    expect(["julia", "zig", "crystal", "nim"].map((p) => frameLanguage({ function: "f" }, p))).toEqual(["julia", "zig", "crystal", "nim"]);
  });

  it("shows library frames of these languages as not the app's", () => {
    expect(viewFrame({ function: "getindex", filename: "./essentials.jl", inApp: true }, "julia").inApp).toBe(false);
    expect(viewFrame({ function: "handler(v::Vector{Int64})", module: "Main", filename: "/home/dev/app/main.jl" }, "julia")).toMatchObject({ inApp: true, language: "julia" });
    expect(viewFrame({ function: "posixCallMainAndExit", filename: "/usr/lib/zig/std/start.zig" }, "zig").inApp).toBe(false);
    expect(viewFrame({ function: "call", filename: "lib/kemal/src/kemal/route_handler.cr" }, "crystal").inApp).toBe(false);
    expect(viewFrame({ function: "sysFatal", filename: "/usr/lib/nim/system/fatal.nim" }, "nim").inApp).toBe(false);
    expect(viewFrame({ function: "handler", filename: "src/app.nim" }, "nim")).toMatchObject({ inApp: true, language: "nim" });
  });
});
