import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildUnrealCrash } from "@/lib/sentry/__fixtures__/buildUnrealCrash";
import { readUnrealCrash } from "@/lib/sentry/unreal/readUnrealCrash";

const MIB = 1024 * 1024;
const files = [
  { name: "CrashContext.runtime-xml", data: "<FGenericCrashContext />" },
  { name: "Harbor.log", data: "[2026.12.06-10.00.00:000][  0]LogInit: started" },
  { name: "UEMinidump.dmp", data: Buffer.from("MDMP\x93\xa7\x00\x00", "latin1") },
];

describe("readUnrealCrash", () => {
  it.each(["cr1", "legacy"] as const)("reads the %s layout: folder name and every file with its bytes", async (layout) => {
    const crash = await readUnrealCrash(buildUnrealCrash({ directoryName: "UECC-Windows-AB_0000", files, layout }), MIB);
    expect(crash.directoryName).toBe("UECC-Windows-AB_0000");
    expect(crash.files.map((f) => f.name)).toEqual(["CrashContext.runtime-xml", "Harbor.log", "UEMinidump.dmp"]);
    expect(crash.files[1].data.toString()).toBe("[2026.12.06-10.00.00:000][  0]LogInit: started");
    expect(crash.files[2].data.subarray(0, 4).toString()).toBe("MDMP");
  });

  it("reads UTF-16 names (a negative FString length)", async () => {
    const crash = await readUnrealCrash(buildUnrealCrash({ files, utf16Names: true }), MIB);
    expect(crash.files[0].name).toBe("CrashContext.runtime-xml");
  });

  it("refuses what is not a report with a 400 naming the body", async () => {
    for (const body of [Buffer.alloc(0), Buffer.from("not zlib at all"), deflateSync(Buffer.from("CR1")), deflateSync(Buffer.from("CR1\xff\xff\xff\x7f", "latin1"))]) {
      await expect(readUnrealCrash(body, MIB)).rejects.toMatchObject({ status: 400, details: { field: "body" } });
    }
  });

  it("refuses a report of no files, or without its CrashContext, with a 400 naming the body (zeros parse as an empty legacy report)", async () => {
    for (const body of [deflateSync(Buffer.alloc(32)), deflateSync(Buffer.alloc(4096)), buildUnrealCrash({ files: [] }), buildUnrealCrash({ files: [], layout: "legacy" }), buildUnrealCrash({ files: files.slice(1) })]) {
      await expect(readUnrealCrash(body, MIB)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/no files|no CrashContext/), details: { field: "body" } });
    }
  });

  it("refuses a file length running past the end, and absurd file counts", async () => {
    const whole = buildUnrealCrash({ files });
    const { inflateSync } = await import("node:zlib");
    const raw = inflateSync(whole);
    await expect(readUnrealCrash(deflateSync(raw.subarray(0, raw.length - 10)), MIB)).rejects.toMatchObject({ status: 400 });
    const legacy = inflateSync(buildUnrealCrash({ files, layout: "legacy" }));
    legacy.writeInt32LE(1_000_000, legacy.length - 4);
    await expect(readUnrealCrash(deflateSync(legacy), MIB)).rejects.toMatchObject({ status: 400 });
  });

  it("stops a decompression bomb at the limit: 413", async () => {
    const bomb = buildUnrealCrash({ files: [{ name: "big.log", data: Buffer.alloc(4 * MIB) }] });
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(readUnrealCrash(bomb, MIB)).rejects.toMatchObject({ status: 413, details: { field: "body" } });
  });
});
