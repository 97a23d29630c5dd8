import { describe, expect, it } from "vitest";
import { classifyFrame } from "@/lib/grouping/frames/classifyFrame";
import { languageOfFrame } from "@/lib/grouping/frames/frameLanguage";

describe("languageOfFrame", () => {
  it("takes a frame's own platform over its event's (a mixed stack)", () => {
    expect(languageOfFrame({ platform: "java", module: "com.shop.CameraModule", function: "takePhoto" }, "javascript")).toBe("java");
    expect(languageOfFrame({ platform: "cocoa", function: "-[RNCamera capture:]" }, "javascript")).toBe("native");
    expect(languageOfFrame({ platform: "native", function: "memcpy" }, "python")).toBe("native");
  });

  it("uses the event's language when the frame's platform names none it knows", () => {
    expect(languageOfFrame({ platform: "other", filename: "lib/main.dart", function: "main" }, "dart")).toBe("dart");
    expect(languageOfFrame({ filename: "app.py", function: "main" }, "python")).toBe("python");
  });

  it("knows Lua, Perl, OCaml and Haskell by their frames' platform and file extensions", () => {
    expect(languageOfFrame({ platform: "openresty", filename: "/srv/gw/auth.lua" }, "unknown")).toBe("lua");
    expect(languageOfFrame({ platform: "perl", filename: "lib/Shop/Web.pm" }, "unknown")).toBe("perl");
    expect(languageOfFrame({ platform: "ghc", filename: "src/Orders.hs" }, "unknown")).toBe("haskell");
    for (const [filename, language] of [
      ["app/handler.lua", "lua"],
      ["script/app.pl", "perl"],
      ["lib/Shop/Web.pm", "perl"],
      ["t/checkout.t", "perl"],
      ["app.psgi", "perl"],
      ["bin/main.ml", "ocaml"],
      ["src/orders.mli", "ocaml"],
      ["src/Orders.hs", "haskell"],
      ["src/Literate.lhs", "haskell"],
    ]) {
      expect(languageOfFrame({ filename, function: "f" }, "unknown"), filename).toBe(language);
    }
    expect(languageOfFrame({ filename: "Views/Main.m", function: "f" }, "unknown")).toBe("native");
  });

  it("knows Julia, Zig, Crystal and Nim by their frames' platform and file extensions", () => {
    expect(languageOfFrame({ platform: "julia", filename: "src/orders.jl" }, "unknown")).toBe("julia");
    expect(languageOfFrame({ platform: "nim", filename: "src/orders.nim" }, "unknown")).toBe("nim");
    for (const [filename, language] of [
      ["/home/dev/app/main.jl", "julia"],
      ["src/main.zig", "zig"],
      ["src/app.cr", "crystal"],
      ["src/views/order.ecr", "crystal"],
      ["src/app.nim", "nim"],
      ["config.nims", "nim"],
    ]) {
      expect(languageOfFrame({ filename, function: "f" }, "unknown"), filename).toBe(language);
    }
  });

  it("keeps a frame located by a binary's path native, whatever its platform says", () => {
    expect(languageOfFrame({ platform: "java", module: "/system/lib64/libc.so", function: "abort" }, "java")).toBe("native");
  });

  it("lets a JVM frame of a JavaScript event be judged by the JVM's rules (React Native's bridge is library code)", () => {
    const bridge = { platform: "java", module: "com.facebook.react.bridge.JavaMethodWrapper", filename: "JavaMethodWrapper.java", function: "invoke" };
    expect(classifyFrame(bridge, languageOfFrame(bridge, "javascript"))).toBe("library");
    expect(classifyFrame({ ...bridge, platform: undefined }, languageOfFrame({ ...bridge, platform: undefined }, "javascript"))).toBe("app");
  });
});
