import { describe, expect, it } from "vitest";
import { guessInApp } from "@/lib/ingest/stacktrace/inApp";

describe("version 1's native in-app guess (frozen with version 1's keys)", () => {
  it("still takes binaries and sources under /usr and any shared library for system code", () => {
    expect(guessInApp({ function: "TileEncoder::writeRun", module: "/usr/local/bin/tiler" }, "native")).toBe(false);
    expect(guessInApp({ function: "TileEncoder::writeRun", absPath: "/usr/src/tiler/encoder.cpp" }, "native")).toBe(false);
    expect(guessInApp({ function: "decode", module: "/opt/tiler/lib/libtiler.so" }, "native")).toBe(false);
    expect(guessInApp({ function: "decode", module: "/opt/tiler/bin/tiler" }, "native")).toBe(true);
  });
});
