import { describe, expect, it } from "vitest";
import { parseElixir, splitElixirCall } from "@/lib/ingest/stacktrace/parseElixir";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";

describe("parseElixir", () => {
  it("reads Exception.format_stacktrace lines, outermost first, marking Elixir/OTP and dependency apps as library", () => {
    const frames = parseElixir(`** (RuntimeError) boom
    (my_app 0.1.0) lib/my_app/worker.ex:12: MyApp.Worker.run/1
    (my_app 0.1.0) lib/my_app/worker.ex:7: anonymous fn/2 in MyApp.Worker.start/1
    (elixir 1.15.7) lib/enum.ex:1693: Enum."-map/2-lists^map/1-1-"/2
    lib/my_app.ex:5: MyApp.start/0
    (stdlib 5.1.1) :proc_lib.init_p_do_apply/3`);
    expect(frames).toEqual([
      { function: "init_p_do_apply/3", module: ":proc_lib", inApp: false },
      { function: "start/0", module: "MyApp", filename: "lib/my_app.ex", lineno: 5 },
      { function: '"-map/2-lists^map/1-1-"/2', module: "Enum", filename: "lib/enum.ex", lineno: 1693, inApp: false },
      { function: "anonymous fn/2 in start/1", module: "MyApp.Worker", filename: "lib/my_app/worker.ex", lineno: 7 },
      { function: "run/1", module: "MyApp.Worker", filename: "lib/my_app/worker.ex", lineno: 12 },
    ]);
  });

  it("marks frames under deps/ as library when the application is not printed", () => {
    expect(parseElixir("    deps/plug/lib/plug/conn.ex:42: Plug.Conn.send_resp/1")).toEqual([
      { function: "send_resp/1", module: "Plug.Conn", filename: "deps/plug/lib/plug/conn.ex", lineno: 42, inApp: false },
    ]);
  });

  it("reads Erlang's shell and crash-report frames ('in function', 'in call from'), OTP's own as library", () => {
    const text = [
      "** exception error: bad argument",
      "     in function  ets:lookup/2",
      "        called as ets:lookup(cart_cache,42)",
      "     in call from shop_cache:'-get/1-fun-0-'/1 (src/shop_cache.erl, line 14)",
      "     in call from shop_api:handle/2 (/srv/shop/src/shop_api.erl, line 41)",
    ].join("\n");
    expect(parseElixir(text)).toEqual([
      { module: "shop_api", function: "handle/2", filename: "/srv/shop/src/shop_api.erl", absPath: "/srv/shop/src/shop_api.erl", lineno: 41 },
      { module: "shop_cache", function: "'-get/1-fun-0-'/1", filename: "src/shop_cache.erl", lineno: 14 },
      { module: "ets", function: "lookup/2", inApp: false },
    ]);
    const event = prepareEvent(IngestEventSchema.parse({ type: "badarg", message: "bad argument", stackTrace: text }));
    expect(event.platform).toBe("elixir");
    expect(event.frames.map((f) => f.inApp)).toEqual([true, true, false]);
  });

  it("ignores prose and other languages' lines", () => {
    expect(parseElixir("Error: something failed: please retry\n  at foo (/a.js:1:2)")).toBeNull();
    expect(parseElixir("MyApp.Worker.run/1")).toBeNull();
  });
});

describe("splitElixirCall", () => {
  it.each([
    ["MyApp.Worker.run/1", { module: "MyApp.Worker", function: "run/1" }],
    ["anonymous fn/2 in MyApp.Worker.run/1", { module: "MyApp.Worker", function: "anonymous fn/2 in run/1" }],
    [":gen_server.call/3", { module: ":gen_server", function: "call/3" }],
    ["run/1", { function: "run/1" }],
  ])("%s", (call, expected) => {
    expect(splitElixirCall(call)).toEqual(expected);
  });
});
