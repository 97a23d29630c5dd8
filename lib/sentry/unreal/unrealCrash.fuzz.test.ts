import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, fuzzTimeout, hostileString } from "@/lib/fuzz/fuzzSettings";
import { ApiError } from "@/lib/http/ApiError";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { buildUnrealCrash, unrealContextXml } from "@/lib/sentry/__fixtures__/buildUnrealCrash";
import { unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import { readUnrealCrash } from "@/lib/sentry/unreal/readUnrealCrash";
import { unrealCrashEvent } from "@/lib/sentry/unreal/unrealCrashEvent";

const KEYS = ["CrashGUID", "CrashType", "ErrorMessage", "CallStack", "GameName", "ExecutableName", "TimeOfCrash", "UserDescription", "Misc.NumberOfCores", "MemoryStats.TotalPhysical", "LoginId"];
const runtime = fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(hostileString(300), fc.constantFrom("", "99999999999999999999", "-1", "Assertion failed: x", "a!b() [c:1]\nkernel32")));
const gameData = fc.dictionary(fc.constantFrom("__sentry", "map"), fc.oneof(hostileString(200), fc.constantFrom('{"release":1,"user":[],"tags":"x","contexts":null}', "{}", "[]", '{"release":"r@1"}')));
const file = fc.record({ name: fc.oneof(hostileString(40), fc.constantFrom("a.log", "UEMinidump.dmp", "CrashContext.runtime-xml")), data: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) });

/** Whatever a crash report holds, reading it gives an event the pipeline takes, or a clear 4xx; never a crash. */
describe("Unreal crash reports (fuzz)", () => {
  it(
    "any context values, scope JSON and extra files",
    async () => {
      await fc.assert(
        fc.asyncProperty(runtime, gameData, fc.array(file, { maxLength: 4 }), fc.constantFrom("cr1" as const, "legacy" as const), async (rt, game, files, layout) => {
          const body = buildUnrealCrash({ layout, files: [{ name: "CrashContext.runtime-xml", data: unrealContextXml(rt, game) }, ...files] });
          const contents = unrealCrashEvent(await readUnrealCrash(body, 1 << 20));
          expect(contents.event.event_id).toMatch(/^[0-9a-f]{32}$/);
          try {
            const [event] = unpackStoreEvent(contents.event);
            expect(prepareEvent(event, new Date()).type.length).toBeGreaterThan(0);
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError);
          }
        }),
        fuzzParams(200),
      );
    },
    fuzzTimeout(200),
  );

  it("any bytes: a report, or a 400/413 naming the body", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.boolean(), async (bytes, compress) => {
        const body = compress ? deflateSync(Buffer.from(bytes)) : Buffer.from(bytes);
        try {
          unrealCrashEvent(await readUnrealCrash(body, 1 << 20));
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          expect([400, 413]).toContain((error as ApiError).status);
        }
      }),
      fuzzParams(300),
    );
  });
});
