import { describe, expect, it } from "vitest";
import { eventFrames, frameLanguage } from "@/lib/errors/events/eventFrames";

const TRACE = "TypeError: x\n    at computeInvoice (/srv/app/src/billing/invoice.ts:42:17)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)";

describe("eventFrames", () => {
  it("uses the occurrence's own frames first", () => {
    expect(eventFrames({ stackTrace: TRACE, frames: [{ function: "own", lineno: 1 }] }, { stackTrace: TRACE, frames: [{ function: "group" }], platform: null })).toEqual([{ function: "own", lineno: 1 }]);
  });

  it("uses the issue's frames (with source context) when the trace is the same", () => {
    const frames = [{ function: "checkout", contextLine: "return cart.items.length;", preContext: ["function checkout() {"], inApp: true }];
    expect(eventFrames({ stackTrace: TRACE }, { stackTrace: TRACE, frames, platform: "javascript" })).toEqual(frames);
  });

  it("parses the event's trace when it differs, guessing in-app frames", () => {
    const frames = eventFrames({ stackTrace: TRACE }, { stackTrace: "other", frames: [{ function: "x" }], platform: "node" });
    expect(frames.map((f) => [f.function, f.inApp])).toEqual([
      ["process.processTicksAndRejections", false],
      ["computeInvoice", true],
    ]);
    expect(eventFrames({ stackTrace: null }, { stackTrace: null, frames: null, platform: null })).toEqual([]);
  });
});

describe("frameLanguage", () => {
  it("follows the file extension, then the platform", () => {
    expect(frameLanguage({ filename: "app/models/user.rb" }, "javascript")).toBe("ruby");
    expect(frameLanguage({ filename: "http://x.test/static/app.tsx?v=1" }, null)).toBe("tsx");
    expect(frameLanguage({ function: "main" }, "python")).toBe("python");
    expect(frameLanguage({}, null)).toBe("text");
  });
});
