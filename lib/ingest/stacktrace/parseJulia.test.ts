import { describe, expect, it } from "vitest";
import { parseJulia } from "@/lib/ingest/stacktrace/parseJulia";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";

const BOUNDS = `ERROR: LoadError: BoundsError: attempt to access 3-element Vector{Int64} at index [10]
Stacktrace:
 [1] getindex
   @ ./essentials.jl:13 [inlined]
 [2] handler(v::Vector{Int64})
   @ Main /home/dev/app/main.jl:5
 [3] top-level scope
   @ /home/dev/app/main.jl:10
in expression starting at /home/dev/app/main.jl:10`;

describe("parseJulia", () => {
  it("reads Julia 1.6+'s two-line frames, outermost first, the module where printed", () => {
    expect(parseJulia(BOUNDS)).toEqual([
      { function: "top-level scope", filename: "/home/dev/app/main.jl", absPath: "/home/dev/app/main.jl", lineno: 10 },
      { function: "handler(v::Vector{Int64})", module: "Main", filename: "/home/dev/app/main.jl", absPath: "/home/dev/app/main.jl", lineno: 5 },
      { function: "getindex", filename: "./essentials.jl", lineno: 13 },
    ]);
  });

  it("reads the one-line frames of Julia before 1.6, inlined and repeated frames, REPL input", () => {
    const frames = parseJulia(`ERROR: LoadError: BoundsError: attempt to access 3-element Array{Int64,1} at index [10]
Stacktrace:
 [1] getindex at ./array.jl:809 [inlined]
 [2] handler(::Array{Int64,1}) at /home/dev/app/main.jl:5
 [3] walk(::Int64) at ./REPL[2]:3 (repeats 79984 times)
 [4] top-level scope at /home/dev/app/main.jl:10
 [5] include(::Module, ::String) at ./Base.jl:377`);
    expect(frames?.map((f) => [f.function, f.filename, f.lineno])).toEqual([
      ["include(::Module, ::String)", "./Base.jl", 377],
      ["top-level scope", "/home/dev/app/main.jl", 10],
      ["walk(::Int64)", "./REPL[2]", 3],
      ["handler(::Array{Int64,1})", "/home/dev/app/main.jl", 5],
      ["getindex", "./array.jl", 809],
    ]);
  });

  it("reads modules with a package's path, closures, and only the first of chained traces", () => {
    const frames = parseJulia(`ERROR: KeyError: key "order-42" not found
Stacktrace:
  [1] getindex(h::Dict{String, Int64}, key::String)
    @ Base ./dict.jl:498
  [2] (::HTTP.Handlers.var"#1#2"{typeof(handle)})(stream::HTTP.Streams.Stream)
    @ HTTP.Handlers ~/.julia/packages/HTTP/sJD5V/src/Handlers.jl:58
  [3] f(x::Int64) (repeats 2 times)
    @ Main C:\\Users\\dev\\app\\main.jl:12
caused by: ArgumentError: bad id
Stacktrace:
 [1] parse_id(s::String)
   @ Main /home/dev/app/ids.jl:3`);
    expect(frames?.map((f) => [f.function, f.module, f.filename, f.lineno])).toEqual([
      ["f(x::Int64)", "Main", "C:\\Users\\dev\\app\\main.jl", 12],
      ['(::HTTP.Handlers.var"#1#2"{typeof(handle)})(stream::HTTP.Streams.Stream)', "HTTP.Handlers", "~/.julia/packages/HTTP/sJD5V/src/Handlers.jl", 58],
      ["getindex(h::Dict{String, Int64}, key::String)", "Base", "./dict.jl", 498],
    ]);
  });

  it("reads an exception logged with @error (its box's margin)", () => {
    const frames = parseJulia(`┌ Error: request failed
│   exception =
│    DivideError: integer division error
│    Stacktrace:
│     [1] div
│       @ ./int.jl:295 [inlined]
│     [2] average(xs::Vector{Int64})
│       @ Main /srv/app/stats.jl:4
└ @ Main /srv/app/server.jl:20`);
    expect(frames?.map((f) => f.function)).toEqual(["average(xs::Vector{Int64})", "div"]);
  });

  it("marks Base, Core, the standard library and depot packages as library code; Main and dev'd packages as the app's", () => {
    const text = `ERROR: LoadError: BoundsError: attempt to access 3-element Vector{Int64} at index [10]
Stacktrace:
 [1] getindex
   @ ./essentials.jl:13 [inlined]
 [2] handler(v::Vector{Int64})
   @ Main /home/dev/app/main.jl:5
 [3] route(req::HTTP.Messages.Request)
   @ Shop ~/.julia/dev/Shop/src/router.jl:22
 [4] (::HTTP.Handlers.var"#1#2")(stream::HTTP.Streams.Stream)
   @ HTTP.Handlers ~/.julia/packages/HTTP/sJD5V/src/Handlers.jl:58
 [5] macro expansion
   @ /usr/share/julia/stdlib/v1.10/Test/src/Test.jl:1577 [inlined]
 [6] include(mod::Module, _path::String)
   @ Base ./Base.jl:495
 [7] jl_apply
   @ /cache/build/builder-amdci4-0/julialang/julia-release-1-dot-10/src/julia.h:1982 [inlined]
 [8] exec_options(opts::Base.JLOptions)
   @ Base ./client.jl:318`;
    const parsed = parseStackTrace(text);
    expect(parsed.language).toBe("julia");
    expect(parsed.frames.map((f) => [f.function?.replace(/\(.*$/, ""), f.inApp])).toEqual([
      ["exec_options", false],
      ["jl_apply", false],
      ["include", false],
      ["macro expansion", false],
      ["", false],
      ["route", true],
      ["handler", true],
      ["getindex", false],
    ]);
  });

  it("is picked by the platform hint julia", () => {
    expect(parseStackTrace(BOUNDS, "julia").language).toBe("julia");
    expect(parseStackTrace(BOUNDS, "Julia").frames).toHaveLength(3);
  });

  it("claims no other language's trace, and no numbered prose", () => {
    expect(parseJulia('Traceback (most recent call last):\n  File "/app/a.py", line 3, in <module>\n    main()\nKeyError: 1')).toBeNull();
    expect(parseJulia("/app/models/user.rb:42:in `full_name': undefined method (NoMethodError)\n\tfrom /app/x.rb:10:in `show'")).toBeNull();
    expect(parseJulia("java.lang.IllegalStateException: boom\n\tat com.acme.Main.main(Main.java:3)")).toBeNull();
    expect(parseJulia("Unhandled exception: Index out of bounds (IndexError)\n  from src/app.cr:5:3 in 'handler'")).toBeNull();
    expect(parseJulia("Steps:\n [1] open the page\n [2] click buy at 10:30")).toBeNull();
    expect(parseJulia(" [1] see the log\n   @ noon")).toBeNull();
  });

  it("stays fast and never throws on hostile lines", () => {
    const start = performance.now();
    for (const line of [`[1] ${" at ".repeat(1000)}`, `@ ${"Main ".repeat(800)}x.jl:1`, `[1] f${"(".repeat(2000)}\n   @ ${"a:1".repeat(1300)}`, `[1] ${"x".repeat(3000)} at ${"y:".repeat(500)}3 [inlined]`]) {
      expect(() => parseJulia(`${line}\n`.repeat(60))).not.toThrow();
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
