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
