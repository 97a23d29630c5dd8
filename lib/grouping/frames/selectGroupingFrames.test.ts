import { describe, expect, it } from "vitest";
import { BASE, SAMPLES, type Variant } from "@/lib/ingest/__fixtures__/sampleTraces";
import { selectGroupingFrames } from "@/lib/grouping/frames/selectGroupingFrames";
import { groupEvent } from "@/lib/grouping/groupEvent";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";

const keysOf = (text: string) => {
  const { language, frames } = parseStackTrace(text);
  return selectGroupingFrames(frames, language);
};

describe.each(["lua", "perl", "ocaml", "haskell"])("grouping %s errors (current fingerprint)", (name) => {
  const fingerprint = (variant: Partial<Variant> = {}) => {
    const sample = SAMPLES[name].make({ ...BASE, ...variant });
    return groupEvent({ type: sample.type, message: sample.message, stackTrace: sample.text }).fingerprint;
  };
  const base = fingerprint();

  it("keeps one group across deploys, hosts and ids in the message, and splits another call site", () => {
    expect(fingerprint({ release: 1 })).toBe(base);
    expect(fingerprint({ host: 1, release: 1 })).toBe(base);
    expect(fingerprint({ ids: 1 })).toBe(base);
    expect(fingerprint({ site: 1 })).not.toBe(base);
    expect(fingerprint({ site: 1, release: 1, host: 1, ids: 1 })).toBe(fingerprint({ site: 1 }));
  });

  it("keys on app frames only, with a named culprit", () => {
    const { keys, weak, culprit } = keysOf(SAMPLES[name].make(BASE).text);
    expect(weak).toBe(false);
    expect(keys.length).toBeGreaterThan(1);
    expect(culprit?.inApp).toBe(true);
    expect(culprit?.function).toBeTruthy();
  });
});

describe("selectGroupingFrames on Lua, Perl, OCaml and Haskell traces", () => {
  it("Lua: one key whichever name a Lua version prints for a function; C frames skipped", () => {
    const lua51 = keysOf("stack traceback:\n\t[C]: in function 'error'\n\tapp/router.lua:17: in function 'dispatch'\n\tapp/main.lua:3: in main chunk");
    const lua54 = keysOf("stack traceback:\n\t[C]: in function 'error'\n\tapp/router.lua:19: in function 'router.dispatch'\n\tapp/main.lua:3: in main chunk");
    expect(lua51.keys).toEqual(["main.lua:main chunk", "router.lua:dispatch"]);
    expect(lua54.keys).toEqual(lua51.keys);
    expect(lua51.culprit).toMatchObject({ function: "dispatch", lineno: 17 });
  });

  it("Perl: the sub in its package, the script's top level by its file; framework frames left out", () => {
    const { keys, culprit } = keysOf(SAMPLES.perl.make(BASE).text);
    expect(keys).toEqual(["app.psgi:", "Shop::Web:post_checkout", "Shop::Web:__ANON__", "Shop::Checkout:finish"]);
    expect(culprit).toMatchObject({ module: "Shop::Checkout", function: "finish", lineno: 88 });
  });

  it("Perl: an SDK's frames (qualified sub, the caller's package as module) key as the trace's do", () => {
    const sdk = selectGroupingFrames(
      [
        { function: "Shop::Web::post_checkout", module: "main", filename: "lib/Shop/Web.pm", lineno: 120 },
        { function: "Shop::Checkout::finish", module: "Shop::Web", filename: "lib/Shop/Checkout.pm", lineno: 88 },
      ],
      "perl",
    );
    expect(sdk.keys).toEqual(["Shop::Web:post_checkout", "Shop::Checkout:finish"]);
  });

  it("OCaml: module and function; the standard library left out", () => {
    expect(keysOf(SAMPLES.ocaml.make(BASE).text).keys).toEqual(["Dune__exe__Main:", "Shop__Orders:process_all", "Shop__Orders:customer_of"]);
  });

  it("Haskell: the module without its package version, which changes with releases", () => {
    const text = (version: string) => `CallStack (from HasCallStack):
  error, called at src/Shop/Orders.hs:42:11 in shop-${version}-inplace:Shop.Orders
  customerOf, called at app/Main.hs:9:3 in main:Main`;
    const before = keysOf(text("0.1.0.0"));
    expect(before.keys).toEqual(["Main:", "Shop.Orders:customerOf"]);
    expect(keysOf(text("0.2.0.0")).keys).toEqual(before.keys);
  });
});
