import { describe, expect, it } from "vitest";
import { serverEnv } from "./serverProcess.mjs";

describe("serverEnv", () => {
  it("adds the allocator threshold and keeps everything else", () => {
    const env = serverEnv({ PORT: "3000", PATH: "/bin" });
    expect(env).toEqual({ PORT: "3000", PATH: "/bin", MALLOC_MMAP_THRESHOLD_: "65536" });
  });

  it("lets an operator's own value win, but not an empty one (which glibc reads as 0)", () => {
    expect(serverEnv({ MALLOC_MMAP_THRESHOLD_: "131072" }).MALLOC_MMAP_THRESHOLD_).toBe("131072");
    expect(serverEnv({ MALLOC_MMAP_THRESHOLD_: "" }).MALLOC_MMAP_THRESHOLD_).toBe("65536");
  });

  it("does not change the environment it is given", () => {
    const given = { PORT: "1" };
    serverEnv(given);
    expect(given).toEqual({ PORT: "1" });
  });
});
