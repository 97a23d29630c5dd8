import { describe, expect, it } from "vitest";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { HARBOR_SYM } from "@/lib/native/__fixtures__/harborSymbols";
import { nativeCrashEvent } from "@/lib/native/__fixtures__/nativeCrashEvent";
import { BreakpadSymbols } from "@/lib/native/breakpadSymbols";
import { symbolicateEvent } from "@/lib/native/symbolicateEvent";
import { buildMinidump } from "@/lib/sentry/__fixtures__/buildMinidump";
import { minidumpEvent } from "@/lib/sentry/minidump/minidumpEvent";
import { readMinidump } from "@/lib/sentry/minidump/readMinidump";
import { unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";

const harbor = new BreakpadSymbols(HARBOR_SYM);
const symbols = new Map([[harbor.module.debugId, harbor]]);
const mapped = (base?: bigint) => unpackStoreEvent(nativeCrashEvent("a".repeat(32), base))[0];

describe("symbolicateEvent", () => {
  it("a sentry-native crash lists the images its address-only frames lie in", () => {
    expect(mapped().nativeImages).toEqual([
      { debugId: "3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3", imageAddr: "0x55d0c1a00000" },
      { debugId: "c0bcc3f1-9827-fe65-3058-404b2831d9e6", imageAddr: "0x7f3c8b000000" },
    ]);
  });

  it("names each frame of a binary with symbols: function, file and line, inlined calls expanded; a return address read one byte earlier", () => {
    const event = symbolicateEvent(mapped(), symbols);
    expect(event.stackTrace).toEqual([
      { module: "/usr/lib/x86_64-linux-gnu/libc.so.6", instructionAddr: "0x7f3c8b029d90", imageAddr: "0x7f3c8b000000" },
      { module: "/opt/harbor/bin/harbor", instructionAddr: "0x55d0c1a01ab5", imageAddr: "0x55d0c1a00000", function: "main", absPath: "/src/harbor/main.cc", filename: "main.cc", lineno: 11 },
      { module: "/opt/harbor/bin/harbor", instructionAddr: "0x55d0c1a01a55", imageAddr: "0x55d0c1a00000", function: "Dock::Berth(int)", absPath: "/src/harbor/dock.cc", filename: "dock.cc", lineno: 42 },
      {
        module: "/opt/harbor/bin/harbor",
        instructionAddr: "0x55d0c1a01a55",
        imageAddr: "0x55d0c1a00000",
        function: "std::vector<int, std::allocator<int> >::operator[](unsigned long)",
        absPath: "/usr/include/c++/12/bits/stl_vector.h",
        filename: "stl_vector.h",
        lineno: 1123,
      },
    ]);
  });

  it("groups the same crash of another run (another load address) with the first, by function", () => {
    const prepare = (base?: bigint) => prepareEvent(symbolicateEvent(mapped(base), symbols), new Date());
    const first = prepare();
    expect(prepare(0x5611aa000000n).fingerprint).toBe(first.fingerprint);
    expect(first.frames.map((f) => f.function)).toContain("Dock::Berth(int)");
  });

  it("names a minidump's crash frame by the crash module's build ID", () => {
    const dump = buildMinidump({ arch: 9, platform: 0x8201, exceptionCode: 11, address: 8n, pc: 0x55d0c1a01a44n, modules: [{ name: "/opt/harbor/bin/harbor", base: 0x55d0c1a00000n, size: 0x10000, elfBuildId: "680e5a3ebed46f8e2f011bf9c5c8f5b3b1d2e3f4" }] });
    const [event] = unpackStoreEvent(minidumpEvent({}, readMinidump(dump)!, "b".repeat(32)));
    expect(event.nativeImages).toEqual([{ debugId: "3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3", imageAddr: "0x55d0c1a00000" }]);
    expect(symbolicateEvent(event, symbols).stackTrace).toEqual([expect.objectContaining({ module: "/opt/harbor/bin/harbor", function: "Dock::Berth(int)", filename: "dock.cc", lineno: 40 })]);
  });

  it("keeps the event as it is without symbols", () => {
    const event = mapped();
    expect(symbolicateEvent(event, new Map())).toBe(event);
  });
});

describe("minidumpEvent's debug image", () => {
  it("joins what the SDK listed, whatever shape that has", () => {
    const dump = buildMinidump({ arch: 9, platform: 0x8201, exceptionCode: 11, address: 8n, pc: 0x1a44n, modules: [{ name: "/opt/harbor/bin/harbor", base: 0n, size: 0x10000, elfBuildId: "680e5a3ebed46f8e2f011bf9c5c8f5b3b1d2e3f4" }] });
    for (const debugMeta of [{ images: "x" }, { images: { a: 1 } }, "junk", { images: [{ type: "elf" }] }]) {
      const event = minidumpEvent({ debug_meta: debugMeta }, readMinidump(dump)!, "c".repeat(32));
      expect((event.debug_meta as { images: unknown[] }).images.at(-1)).toMatchObject({ debug_id: "3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3", image_addr: "0x0" });
    }
  });
});
