import { describe, expect, it } from "vitest";
import { parseOcaml } from "@/lib/ingest/stacktrace/parseOcaml";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";

describe("parseOcaml", () => {
  it("reads OCAMLRUNPARAM=b backtraces, outermost first, module path and function apart, 1-based columns", () => {
    const frames = parseOcaml(`Fatal error: exception Not_found
Raised at Stdlib__Map.Make.find in file "map.ml", line 137, characters 10-25
Called from Dune__exe__Main.lookup in file "bin/main.ml", line 12, characters 2-30
Re-raised at Dune__exe__Main.run in file "bin/main.ml", line 18, characters 4-11
Called from Dune__exe__Main in file "bin/main.ml", line 20, characters 9-24`);
    expect(frames).toEqual([
      { module: "Dune__exe__Main", filename: "bin/main.ml", lineno: 20, colno: 10 },
      { module: "Dune__exe__Main", function: "run", filename: "bin/main.ml", lineno: 18, colno: 5 },
      { module: "Dune__exe__Main", function: "lookup", filename: "bin/main.ml", lineno: 12, colno: 3 },
      { module: "Stdlib__Map.Make", function: "find", filename: "map.ml", lineno: 137, colno: 11 },
    ]);
  });

  it("reads OCaml before 4.12 (no function), primitive raises and unknown locations", () => {
    const frames = parseOcaml(`Fatal error: exception Invalid_argument("index out of bounds")
Raised by primitive operation at file "src/cart.ml", line 8, characters 14-26
Called from file "list.ml", line 110, characters 12-15
Called from unknown location
Called from file "src/main.ml", line 3, characters 2-20`);
    expect(frames).toEqual([
      { filename: "src/main.ml", lineno: 3, colno: 3 },
      { filename: "list.ml", lineno: 110, colno: 13 },
      { filename: "src/cart.ml", lineno: 8, colno: 15 },
    ]);
  });

  it("reads OCaml 5's multi-line spans, inlined frames, nested and anonymous functions", () => {
    const frames = parseOcaml(`Fatal error: exception Failure("order 42 has no customer")
Raised at Stdlib.failwith in file "stdlib.ml", line 29, characters 17-33
Called from Shop__Orders.customer_of.(fun) in file "src/orders.ml" (inlined), line 42, characters 4-40
Called from Shop__Orders.process.loop in file "src/orders.ml", lines 50-53, characters 6-18`);
    expect(frames?.map((f) => [f.module, f.function, f.lineno, f.colno])).toEqual([
      ["Shop__Orders", "process.loop", 50, 7],
      ["Shop__Orders", "customer_of.(fun)", 42, 5],
      ["Stdlib", "failwith", 29, 18],
    ]);
  });

  it("reads only the first backtrace", () => {
    const frames = parseOcaml(`Raised at A.f in file "a.ml", line 1, characters 0-1
Called from A.g in file "a.ml", line 2, characters 0-1
Raised at B.h in file "b.ml", line 3, characters 0-1`);
    expect(frames?.map((f) => f.function)).toEqual(["g", "f"]);
  });

  it("marks the standard library, Base/Core/Async, Lwt and opam installs as library code", () => {
    const text = `Fatal error: exception Not_found
Raised at Stdlib__Hashtbl.find in file "hashtbl.ml", line 546, characters 13-28
Called from Shop__Cache.get in file "src/cache.ml", line 14, characters 12-40
Called from Base__List.map in file "src/list.ml", line 400, characters 14-17
Called from Lwt.Sequence_associated_storage.with_value in file "src/core/lwt.ml", line 791, characters 20-23
Called from Caqti_lwt.Pool.use in file "_opam/lib/caqti-lwt/caqti_lwt.ml", line 90, characters 4-20
Called from file "map.ml", line 270, characters 20-25
Called from Dune__exe__Main in file "bin/main.ml", line 7, characters 2-40`;
    const parsed = parseStackTrace(text);
    expect(parsed.language).toBe("ocaml");
    expect(parsed.frames.map((f) => [f.module ?? f.filename, f.inApp])).toEqual([
      ["Dune__exe__Main", true],
      ["map.ml", false],
      ["Caqti_lwt.Pool", false],
      ["Lwt.Sequence_associated_storage", false],
      ["Base__List", false],
      ["Shop__Cache", true],
      ["Stdlib__Hashtbl", false],
    ]);
    expect(parseStackTrace(text, "ocaml").language).toBe("ocaml");
  });

  it("claims no other language's trace", () => {
    expect(parseOcaml('Traceback (most recent call last):\n  File "/app/a.py", line 3, in <module>\n    main()\nKeyError: 1')).toBeNull();
    expect(parseOcaml("/app/models/user.rb:42:in `full_name': undefined method (NoMethodError)")).toBeNull();
    expect(parseOcaml("Called from the billing job at 10:00")).toBeNull();
  });

  it("stays fast and never throws on hostile lines", () => {
    const start = performance.now();
    for (const line of [`Called from ${"a".repeat(1500)} in file "${'"'.repeat(100)}`, `Raised at ${"A.".repeat(500)}b in file "x", line 1, characters 0-`, `Called from ${" in ".repeat(900)}file "x"`]) {
      expect(() => parseOcaml(`${line}\n`.repeat(60))).not.toThrow();
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
