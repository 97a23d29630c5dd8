import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { buildLogger, logLevel, requestContext, writeLog } from "@/lib/logger";

function capture(level = "info") {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: buildLogger(stream, level) };
}

describe("logLevel", () => {
  it("reads LOG_LEVEL in any case, FAULTLINE_DEBUG only when on (0 and false are off), and falls back to info on a bad value", () => {
    expect(logLevel({})).toBe("info");
    expect(logLevel({ LOG_LEVEL: "INFO" })).toBe("info");
    expect(logLevel({ LOG_LEVEL: "warn", FAULTLINE_DEBUG: "1" })).toBe("warn");
    expect(logLevel({ FAULTLINE_DEBUG: "true" })).toBe("debug");
    expect(logLevel({ FAULTLINE_DEBUG: "0" })).toBe("info");
    expect(logLevel({ FAULTLINE_DEBUG: "false" })).toBe("info");
    // lib/env.ts stops the server's start on these; elsewhere the logger keeps working.
    expect(logLevel({ LOG_LEVEL: "loud" })).toBe("info");
    expect(logLevel({ FAULTLINE_DEBUG: "verbose" })).toBe("info");
  });
});

describe("logger (pino)", () => {
  it("writes one JSON object per line with level, time, message and metadata", () => {
    const { lines, logger } = capture();
    writeLog("info", "request", { route: "/api/v1/events", status: 202, ms: 3.2 }, logger);
    expect(lines[0]).toMatchObject({ level: "info", msg: "request", route: "/api/v1/events", status: 202, ms: 3.2 });
    expect(Date.parse(lines[0].time as string)).not.toBeNaN();
  });

  it("serialises errors with their stack", () => {
    const { lines, logger } = capture();
    const error = Object.assign(new TypeError("boom"), { code: "E_BOOM" });
    writeLog("error", "unhandled error", { error }, logger);
    expect(lines[0].error).toMatchObject({ type: "TypeError", message: "boom", code: "E_BOOM", stack: expect.stringContaining("TypeError: boom") });
  });

  it("adds the request id of the request being handled", async () => {
    const { lines, logger } = capture();
    await requestContext().run({ reqId: "req-123" }, async () => writeLog("warn", "inside", undefined, logger));
    writeLog("warn", "outside", undefined, logger);
    expect(lines[0].reqId).toBe("req-123");
    expect(lines[1].reqId).toBeUndefined();
  });

  it("redacts credentials wherever a caller passes them, and honours the level", () => {
    const { lines, logger } = capture("warn");
    writeLog("info", "dropped", { a: 1 }, logger);
    writeLog("warn", "kept", { password: "p", headers: { authorization: "Bearer x", cookie: "s" }, channel: { secret: "s", name: "ok" } }, logger);
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).not.toMatch(/"p"|Bearer x|"s"/);
    expect((lines[0].channel as { name: string }).name).toBe("ok");
  });
});
