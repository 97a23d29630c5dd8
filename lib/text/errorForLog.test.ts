import { describe, expect, it } from "vitest";
import { errorForLog } from "@/lib/text/errorForLog";

describe("errorForLog", () => {
  it("keeps the name, the message's first line and the stack frames", () => {
    function failingHandler(): never {
      throw new TypeError("Cannot read properties of undefined (reading 'total')");
    }
    let caught: unknown;
    try {
      failingHandler();
    } catch (error) {
      caught = error;
    }
    const logged = errorForLog(caught);
    expect(logged.error).toBe("TypeError: Cannot read properties of undefined (reading 'total')");
    expect(logged.stack).toMatch(/^at failingHandler \(.*errorForLog\.test\.ts:\d+:\d+\)/);
    expect(logged.stack!.split("\n").every((line) => line.startsWith("at "))).toBe(true);
  });

  it("leaves out the message's later lines (a Prisma validation error's arguments), also where the stack repeats them", () => {
    const error = new Error('Invalid `prisma.user.findMany()` invocation:\n\n{\n  where: {\n    email: "ann@example.com",\n    passwordHash: "scrypt$17$…"\n  }\n}');
    error.name = "PrismaClientValidationError";
    const logged = errorForLog(error);
    expect(logged.error).toBe("PrismaClientValidationError: Invalid `prisma.user.findMany()` invocation:");
    expect(JSON.stringify(logged)).not.toContain("ann@example.com");
    expect(JSON.stringify(logged)).not.toContain("scrypt");
    expect(logged.stack).toContain("at ");
  });

  it("bounds the frames and takes anything thrown", () => {
    const error = new Error("deep");
    error.stack = `Error: deep\n${Array.from({ length: 50 }, (_, i) => `    at frame${i} (/srv/app/x.js:${i}:1)`).join("\n")}`;
    expect(errorForLog(error).stack!.split("\n")).toHaveLength(20);
    expect(errorForLog("a string\nwith a second line")).toEqual({ error: "a string" });
    const bare = new Error("no stack");
    bare.stack = undefined;
    expect(errorForLog(bare)).toEqual({ error: "Error: no stack" });
  });
});
