import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, fuzzTimeout, hostileString } from "@/lib/fuzz/fuzzSettings";
import { FrameSchema, LANGUAGES } from "@/lib/ingest/stacktrace/frame";
import { parseCrystal } from "@/lib/ingest/stacktrace/parseCrystal";
import { parseDotnet } from "@/lib/ingest/stacktrace/parseDotnet";
import { parseFirefoxSafari } from "@/lib/ingest/stacktrace/parseFirefoxSafari";
import { parseGo } from "@/lib/ingest/stacktrace/parseGo";
import { parseHaskell } from "@/lib/ingest/stacktrace/parseHaskell";
import { parseJava } from "@/lib/ingest/stacktrace/parseJava";
import { parseJulia } from "@/lib/ingest/stacktrace/parseJulia";
import { parseLua } from "@/lib/ingest/stacktrace/parseLua";
import { parseNim } from "@/lib/ingest/stacktrace/parseNim";
import { parseOcaml } from "@/lib/ingest/stacktrace/parseOcaml";
import { parsePerl } from "@/lib/ingest/stacktrace/parsePerl";
import { parsePhp } from "@/lib/ingest/stacktrace/parsePhp";
import { parsePython } from "@/lib/ingest/stacktrace/parsePython";
import { parseRuby } from "@/lib/ingest/stacktrace/parseRuby";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";
import { parseV8 } from "@/lib/ingest/stacktrace/parseV8";
import { parseZig } from "@/lib/ingest/stacktrace/parseZig";

const word = fc.oneof(fc.stringMatching(/^[A-Za-z_$][\w$]{0,12}$/), hostileString(12));
const num = fc.oneof(fc.nat(99_999).map(String), fc.constantFrom("0", "-1", "99999999999999999999", "", "x"));
const path = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 4 }).map((p) => `/${p.join("/")}.js`),
  fc.array(word, { minLength: 1, maxLength: 3 }).map((p) => `C:\\${p.join("\\")}.cs`),
  fc.constantFrom("<anonymous>", "native", "eval at x (y.js:1:1)", "file:///a/b.mjs", "https://cdn.test/app.min.js", "(", ")", ":::"),
  hostileString(30),
);

/** Lines in each runtime's own format, with hostile pieces in every slot. */
const LINE: Record<string, fc.Arbitrary<string>> = {
  v8: fc.tuple(word, path, num, num).map(([f, p, l, c]) => `    at ${f} (${p}:${l}:${c})`),
  v8Bare: fc.tuple(path, num, num).map(([p, l, c]) => `    at ${p}:${l}:${c}`),
  firefox: fc.tuple(word, path, num, num).map(([f, p, l, c]) => `${f}@${p}:${l}:${c}`),
  python: fc.tuple(path, num, word).map(([p, l, f]) => `  File "${p}", line ${l}, in ${f}`),
  java: fc.tuple(word, word, word, num).map(([pkg, cls, m, l]) => `\tat ${pkg}.${cls}.${m}(${cls}.java:${l})`),
  go: fc.tuple(word, word, path, num).map(([pkg, f, p, l]) => `${pkg}.${f}(0x1, 0x2)\n\t${p}:${l} +0x1d`),
  ruby: fc.tuple(path, num, word).map(([p, l, f]) => `${p}:${l}:in \`${f}'`),
  dotnet: fc.tuple(word, word, path, num).map(([ns, m, p, l]) => `   at ${ns}.${m}() in ${p}:line ${l}`),
  php: fc.tuple(num, path, num, word).map(([i, p, l, f]) => `#${i} ${p}(${l}): ${f}()`),
  lua: fc
    .tuple(fc.oneof(path, fc.constantFrom("[C]", '[string "x"]', "content_by_lua(nginx.conf:1)")), num, fc.constantFrom("function", "local", "method", "metamethod", "upvalue"), word)
    .map(([p, l, kind, f]) => `\t${p}:${l}: in ${kind} '${f}'`),
  perl: fc.tuple(word, word, path, num).map(([pkg, f, p, l]) => `\t${pkg}::${f}(${pkg}=HASH(0x1)) called at ${p} line ${l}`),
  perlDie: fc.tuple(word, path, num).map(([m, p, l]) => `${m} at ${p} line ${l}.`),
  ocaml: fc.tuple(word, word, path, num, num).map(([mod, f, p, l, c]) => `Called from ${mod}.${f} in file "${p}", line ${l}, characters ${c}-${c}`),
  haskell: fc.tuple(word, path, num, num, word, word).map(([f, p, l, c, pkg, mod]) => `  ${f}, called at ${p}:${l}:${c} in ${pkg}:${mod}`),
  julia: fc.tuple(num, word, fc.option(word), path, num, fc.boolean()).map(([i, f, mod, p, l, inlined]) => ` [${i}] ${f}(x::Int64)\n   @ ${mod ?? ""} ${p}:${l}${inlined ? " [inlined]" : ""}`),
  juliaOld: fc.tuple(num, word, path, num).map(([i, f, p, l]) => ` [${i}] ${f}(::Int64) at ${p}:${l}`),
  zig: fc.tuple(path, num, num, word, word).map(([p, l, c, f, bin]) => `${p}:${l}:${c}: 0x1034e5a in ${f} (${bin})\n    source();\n    ^`),
  crystal: fc.tuple(fc.oneof(path, fc.constantFrom("???", "/lib/libc.so.6")), num, num, word).map(([p, l, c, f]) => `  from ${p}:${l}:${c} in '${f}'`),
  nim: fc.tuple(path, num, word).map(([p, l, f]) => `${p.replace(/\.js$/, ".nim")}(${l}) ${f}`),
};

const header = fc.oneof(
  fc.constantFrom(
    "Error: boom",
    "Traceback (most recent call last):",
    "panic: x\n\ngoroutine 1 [running]:",
    "java.lang.RuntimeException: x",
    "stack traceback:",
    "CallStack (from HasCallStack):",
    "Fatal error: exception Not_found",
    "ERROR: LoadError: BoundsError: x\nStacktrace:",
    "thread 1 panic: x",
    "Unhandled exception: x (IndexError)",
    "Traceback (most recent call last)",
    "",
  ),
  hostileString(40),
);

function traceOf(kind: string) {
  return fc
    .tuple(header, fc.array(fc.oneof({ weight: 4, arbitrary: LINE[kind] }, { weight: 1, arbitrary: hostileString(60) }), { maxLength: 25 }), fc.constantFrom("\n", "\r\n"))
    .map(([h, lines, nl]) => [h, ...lines].join(nl));
}

const PARSERS = { parseV8, parseFirefoxSafari, parsePython, parseJava, parseGo, parseRuby, parseDotnet, parsePhp, parseLua, parsePerl, parseOcaml, parseHaskell, parseJulia, parseZig, parseCrystal, parseNim };
const platform = fc.option(
  fc.oneof(fc.constantFrom("node", "python", "java", "go", "ruby", "csharp", "php", "javascript", "lua", "perl", "ocaml", "haskell", "julia", "zig", "crystal", "nim", "constructor", "__proto__"), hostileString(10)),
  { nil: undefined },
);

function assertFrames(frames: unknown[]) {
  for (const frame of frames) expect(FrameSchema.safeParse(frame).success).toBe(true);
}

describe("stack-trace parsers never throw and always return valid frames (fuzz)", () => {
  for (const kind of Object.keys(LINE)) {
    it(`${kind}-shaped traces with hostile pieces`, () => {
      fc.assert(
        fc.property(traceOf(kind), platform, (text, hint) => {
          const parsed = parseStackTrace(text, hint);
          expect(LANGUAGES).toContain(parsed.language);
          assertFrames(parsed.frames);
          for (const parse of Object.values(PARSERS)) {
            const frames = parse(text);
            if (frames !== null) assertFrames(frames);
          }
        }),
        fuzzParams(150),
      );
    }, fuzzTimeout(150));
  }

  it("arbitrary text", () => {
    fc.assert(
      fc.property(hostileString(2000), platform, (text, hint) => {
        assertFrames(parseStackTrace(text, hint).frames);
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());
});
