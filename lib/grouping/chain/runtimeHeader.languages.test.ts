import { describe, expect, it } from "vitest";
import { parseChainText } from "@/lib/grouping/chain/parseChainText";
import { runtimeHeader } from "@/lib/grouping/chain/runtimeHeader";
import { BASE, SAMPLES } from "@/lib/ingest/__fixtures__/sampleTraces";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import type { Language } from "@/lib/ingest/stacktrace/frame";

const NEW = ["julia", "zig", "crystal", "nim"] as const;

describe("runtimeHeader for Julia, Zig, Crystal and Nim", () => {
  it("Julia: the type before the message, LoadError read through; error()'s message alone", () => {
    const stack = "Stacktrace:\n [1] getindex\n   @ ./essentials.jl:13 [inlined]\n [2] handler(v::Vector{Int64})\n   @ Main /home/dev/app/main.jl:5";
    expect(runtimeHeader(`ERROR: LoadError: BoundsError: attempt to access 3-element Vector{Int64} at index [10]\n${stack}`, "julia")).toEqual({
      type: "BoundsError",
      message: "attempt to access 3-element Vector{Int64} at index [10]",
    });
    expect(runtimeHeader(`ERROR: KeyError: key "a" not found\n${stack}`, "julia")).toEqual({ type: "KeyError", message: 'key "a" not found' });
    expect(runtimeHeader(`ERROR: LoadError: MethodError: no method matching handler(::String)\n\nClosest candidates are:\n  handler(::Vector{Int64})\n${stack}`, "julia")).toEqual({
      type: "MethodError",
      message: "no method matching handler(::String)",
    });
    expect(runtimeHeader(`ERROR: DomainError with -1.0:\nsqrt was called with a negative real argument.\n${stack}`, "julia")).toEqual({
      type: "DomainError",
      message: "-1.0:\nsqrt was called with a negative real argument.",
    });
    expect(runtimeHeader(`ERROR: TaskFailedException\n${stack}`, "julia")).toEqual({ type: "TaskFailedException", message: "" });
    expect(runtimeHeader(`ERROR: DimensionMismatch: arrays could not be broadcast to a common size\n${stack}`, "julia")?.type).toBe("DimensionMismatch");
    expect(runtimeHeader(`ERROR: LoadError: order 42 has no customer\n${stack}`, "julia")).toEqual({ message: "order 42 has no customer" });
    expect(runtimeHeader(stack, "julia")).toBeUndefined();
  });

  it("Zig: a panic (with or without its thread), a caught fault without its address, an error main returned", () => {
    const frame = "/home/dev/app/src/main.zig:5:18: 0x1034e5a in handler (app)\n    return items[i];\n                 ^";
    expect(runtimeHeader(`thread 12345 panic: index out of bounds: index 10, len 3\n${frame}`, "zig")).toEqual({ type: "panic", message: "index out of bounds: index 10, len 3" });
    expect(runtimeHeader(`panic: reached unreachable code\n${frame}`, "zig")).toEqual({ type: "panic", message: "reached unreachable code" });
    expect(runtimeHeader(`Segmentation fault at address 0x0\n${frame}`, "zig")).toEqual({ type: "Segmentation fault", message: "" });
    expect(runtimeHeader(`error: FileNotFound\n${frame}`, "zig")).toEqual({ type: "FileNotFound", message: "" });
    expect(runtimeHeader(frame, "zig")).toBeUndefined();
  });

  it("Crystal: the class in parentheses after the message (several lines, a fiber's, a logged backtrace's)", () => {
    const frames = "  from src/app.cr:5:3 in 'handler'\n  from src/app.cr:10:1 in '__crystal_main'";
    expect(runtimeHeader(`Unhandled exception: Index out of bounds (IndexError)\n${frames}`, "crystal")).toEqual({ type: "IndexError", message: "Index out of bounds" });
    expect(runtimeHeader(`Unhandled exception in spawn(name: worker): Unexpected char 'x' at line 1, column 2 (JSON::ParseException)\n${frames}`, "crystal")).toEqual({
      type: "JSON::ParseException",
      message: "Unexpected char 'x' at line 1, column 2",
    });
    expect(runtimeHeader(`Unhandled exception: order 42\nhas no customer (Shop::Missing(Int32))\n${frames}`, "crystal")).toEqual({ type: "Shop::Missing(Int32)", message: "order 42\nhas no customer" });
    expect(runtimeHeader(`Unhandled exception: (NilAssertionError)\n${frames}`, "crystal")).toEqual({ type: "NilAssertionError", message: "" });
    expect(runtimeHeader(`2026-12-06T10:00:00Z ERROR - job failed\nClosed stream (IO::Error)\n${frames}`, "crystal")).toEqual({ type: "IO::Error", message: "Closed stream" });
    expect(runtimeHeader(frames, "crystal")).toBeUndefined();
  });

  it("Nim: the type in brackets after the message, with or without a traceback; a caught signal", () => {
    const traceback = "Traceback (most recent call last)\n/home/dev/app/main.nim(10) main\n/home/dev/app/main.nim(5) handler";
    expect(runtimeHeader(`${traceback}\nError: unhandled exception: index 10 not in 0 .. 2 [IndexDefect]`, "nim")).toEqual({ type: "IndexDefect", message: "index 10 not in 0 .. 2" });
    expect(runtimeHeader(`${traceback}\nError: unhandled exception: bad input\nline 2 of it [ValueError]`, "nim")).toEqual({ type: "ValueError", message: "bad input\nline 2 of it" });
    expect(runtimeHeader(`${traceback}\nSIGSEGV: Illegal storage access. (Attempt to read from nil?)`, "nim")).toEqual({ type: "SIGSEGV", message: "Illegal storage access. (Attempt to read from nil?)" });
    // Built with -d:release: no traceback, no frame tells the language; the line is Nim's alone.
    expect(runtimeHeader("Error: unhandled exception: key not found: 42 [KeyError]", "unknown")).toEqual({ type: "KeyError", message: "key not found: 42" });
    expect(runtimeHeader("SIGSEGV: Illegal storage access. (Attempt to read from nil?)", "unknown")).toBeUndefined();
    expect(runtimeHeader(traceback, "nim")).toBeUndefined();
  });

  it("each sample's header is read as its type and message", () => {
    for (const name of NEW) {
      const sample = SAMPLES[name].make(BASE);
      expect(runtimeHeader(sample.text, name), name).toEqual({ type: sample.type, message: sample.message });
      expect(parseChainText(sample.text).exceptions[0], name).toMatchObject({ type: sample.type, message: sample.message });
    }
  });

  it("reads no other runtime's trace (Zig's single-threaded 'panic: ' aside, which Go prints too)", () => {
    for (const [name, sample] of Object.entries(SAMPLES).filter(([sampleName]) => !(NEW as readonly string[]).includes(sampleName))) {
      const text = sample.make(BASE).text;
      for (const language of NEW) {
        if (language === "zig" && name === "go") continue;
        expect(runtimeHeader(text, language), `${name} as ${language}`).toBeUndefined();
      }
    }
  });

  it("stays fast on hostile input (256 KiB)", () => {
    const big = (line: string) => `${line}\n`.repeat(Math.ceil(262_144 / (line.length + 1))).slice(0, 262_144);
    const inputs: [string, Language][] = [
      [big(`ERROR: ${"LoadError: ".repeat(300)}${"A".repeat(1000)}`), "julia"],
      [big(`ERROR: ${"Aa.".repeat(1000)}Error`), "julia"],
      [big(`thread ${"1".repeat(3000)} panic: x`), "zig"],
      [big(`error: ${"a".repeat(4000)}!`), "zig"],
      [big(`Unhandled exception: ${" (A".repeat(1200)})`), "crystal"],
      [`${big(`x ${"(A::".repeat(900)})`)}from a.cr:1:2 in 'f'`, "crystal"],
      [big(`Error: unhandled exception: ${" [".repeat(1500)}`), "nim"],
      [big(`Error: unhandled exception: ${"a".repeat(100)}`), "unknown"],
    ];
    const start = performance.now();
    for (const [text, language] of inputs) expect(() => runtimeHeader(text, language)).not.toThrow();
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

describe("a client that sends a placeholder type and no message gets the trace's own", () => {
  const prepare = (type: string, message: string, stackTrace: string) => prepareEvent(IngestEventSchema.parse({ type, message, stackTrace }));

  it("for Julia, Zig, Crystal and Nim, grouped as the typed event is", () => {
    for (const name of NEW) {
      const sample = SAMPLES[name].make(BASE);
      expect(prepare("Error", "", sample.text), name).toMatchObject({ type: sample.type, message: sample.message });
      expect(prepare("Error", "", sample.text).fingerprint, name).toBe(prepare(sample.type, sample.message, sample.text).fingerprint);
    }
    expect(prepare("Unknown", "", "Error: unhandled exception: key not found: 42 [KeyError]")).toMatchObject({ type: "KeyError", message: "key not found: 42" });
  });
});
