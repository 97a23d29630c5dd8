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

  it("keeps a frame located by a binary's path native, whatever its platform says", () => {
    expect(languageOfFrame({ platform: "java", module: "/system/lib64/libc.so", function: "abort" }, "java")).toBe("native");
  });

  it("lets a JVM frame of a JavaScript event be judged by the JVM's rules (React Native's bridge is library code)", () => {
    const bridge = { platform: "java", module: "com.facebook.react.bridge.JavaMethodWrapper", filename: "JavaMethodWrapper.java", function: "invoke" };
    expect(classifyFrame(bridge, languageOfFrame(bridge, "javascript"))).toBe("library");
    expect(classifyFrame({ ...bridge, platform: undefined }, languageOfFrame({ ...bridge, platform: undefined }, "javascript"))).toBe("app");
  });
});
