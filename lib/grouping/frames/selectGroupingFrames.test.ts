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

describe.each(["julia", "zig", "crystal", "nim"])("grouping %s errors (current fingerprint)", (name) => {
  const fingerprint = (variant: Partial<Variant> = {}) => {
    const sample = SAMPLES[name].make({ ...BASE, ...variant });
    return groupEvent({ type: sample.type, message: sample.message, stackTrace: sample.text }).fingerprint;
  };
  const base = fingerprint();

  it("keeps one group across deploys, hosts and ids in the message, and splits another call site", () => {
    expect(fingerprint({ release: 1 })).toBe(base);
    expect(fingerprint({ host: 1 })).toBe(base);
    expect(fingerprint({ host: 1, release: 1 })).toBe(base);
    expect(fingerprint({ ids: 1 })).toBe(base);
    expect(fingerprint({ site: 1 })).not.toBe(base);
    expect(fingerprint({ site: 1, release: 1, host: 1, ids: 1 })).toBe(fingerprint({ site: 1 }));
  });

  it("keys on app frames only, with a named culprit", () => {
    const { keys, weak, culprit } = keysOf(SAMPLES[name].make(BASE).text);
    expect(weak).toBe(false);
    expect(keys).toHaveLength(3);
    expect(culprit?.inApp).toBe(true);
    expect(culprit?.function).toBeTruthy();
  });
});

describe("selectGroupingFrames on Julia, Zig, Crystal and Nim traces", () => {
  it("Julia: the function without its argument types, so Julia before and after 1.6 key alike; Base and packages left out", () => {
    const current = keysOf(SAMPLES.julia.make(BASE).text);
    expect(current.keys).toEqual(["main.jl:top-level scope", "server.jl:handle", "orders.jl:customer_of"]);
    expect(current.culprit).toMatchObject({ function: "customer_of(store::Shop.OrderStore, id::String)", lineno: 42 });
    const before16 = keysOf(` [1] getindex(::Dict{String,Shop.Order}, ::String) at ./dict.jl:477
 [2] customer_of(::Shop.OrderStore, ::String) at /home/alice/shop/src/orders.jl:42
 [3] handle(::HTTP.Messages.Request) at /home/alice/shop/src/server.jl:17
 [4] top-level scope at /home/alice/shop/bin/main.jl:9`);
    expect(before16.keys).toEqual(current.keys);
  });

  it("Zig, Crystal, Nim: the function as printed; standard library, runtime and package frames left out", () => {
    expect(keysOf(SAMPLES.zig.make(BASE).text).keys).toEqual(["main.zig:main", "server.zig:handle", "orders.zig:customerOf"]);
    expect(keysOf(SAMPLES.crystal.make(BASE).text).keys).toEqual(["shop.cr:__crystal_main", "server.cr:handle", "orders.cr:customer_of"]);
    expect(keysOf(SAMPLES.nim.make(BASE).text).keys).toEqual(["shop.nim:shop", "server.nim:handle", "orders.nim:customerOf"]);
  });
});
