import type { Frame, Language, ParsedStack } from "@/lib/ingest/stacktrace/frame";
import { applyInApp } from "@/lib/ingest/stacktrace/inApp";
import { MAX_INPUT_CHARS, clampFrame } from "@/lib/ingest/stacktrace/limits";
import { parseDotnet } from "@/lib/ingest/stacktrace/parseDotnet";
import { parseFirefoxSafari } from "@/lib/ingest/stacktrace/parseFirefoxSafari";
import { parseGo } from "@/lib/ingest/stacktrace/parseGo";
import { parseJava } from "@/lib/ingest/stacktrace/parseJava";
import { parseDart } from "@/lib/ingest/stacktrace/parseDart";
import { parseElixir } from "@/lib/ingest/stacktrace/parseElixir";
import { parseCrystal } from "@/lib/ingest/stacktrace/parseCrystal";
import { parseHaskell } from "@/lib/ingest/stacktrace/parseHaskell";
import { parseJulia } from "@/lib/ingest/stacktrace/parseJulia";
import { parseLua } from "@/lib/ingest/stacktrace/parseLua";
import { parseNative } from "@/lib/ingest/stacktrace/parseNative";
import { parseNim } from "@/lib/ingest/stacktrace/parseNim";
import { parseOcaml } from "@/lib/ingest/stacktrace/parseOcaml";
import { parsePerl } from "@/lib/ingest/stacktrace/parsePerl";
import { parsePhp } from "@/lib/ingest/stacktrace/parsePhp";
import { parseRust } from "@/lib/ingest/stacktrace/parseRust";
import { languageOfPlatform } from "@/lib/ingest/stacktrace/platformLanguage";
import { parsePython } from "@/lib/ingest/stacktrace/parsePython";
import { parseRuby } from "@/lib/ingest/stacktrace/parseRuby";
import { parseV8 } from "@/lib/ingest/stacktrace/parseV8";
import { parseZig } from "@/lib/ingest/stacktrace/parseZig";

type Parser = { language: Language; parse: (text: string) => Frame[] | null };

/** Tried in this order; on a tie (see isBetter) the earlier parser wins. */
const PARSERS: Parser[] = [
  { language: "javascript", parse: parseV8 },
  { language: "javascript", parse: parseFirefoxSafari },
  { language: "python", parse: parsePython },
  { language: "java", parse: parseJava },
  { language: "go", parse: parseGo },
  { language: "ruby", parse: parseRuby },
  { language: "dotnet", parse: parseDotnet },
  { language: "php", parse: parsePhp },
  { language: "rust", parse: parseRust },
  { language: "elixir", parse: parseElixir },
  { language: "dart", parse: parseDart },
  { language: "native", parse: parseNative },
  { language: "lua", parse: parseLua },
  { language: "perl", parse: parsePerl },
  { language: "ocaml", parse: parseOcaml },
  { language: "haskell", parse: parseHaskell },
  { language: "julia", parse: parseJulia },
  { language: "zig", parse: parseZig },
  { language: "crystal", parse: parseCrystal },
  { language: "nim", parse: parseNim },
];

const UNKNOWN: ParsedStack = { language: "unknown", frames: [] };

/**
 * Parses a stack trace of any supported language. The hinted language's parsers are
 * tried first; otherwise (or if they find nothing) every parser runs and the one that
 * recognises the most frames wins, which disambiguates formats that share line shapes
 * (e.g. "at ..." in V8, JVM and .NET). Never throws; input is capped at 256 KiB.
 */
export function parseStackTrace(text: string, platformHint?: string): ParsedStack {
  try {
    if (typeof text !== "string" || text.length === 0) return UNKNOWN;
    const input = text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text;

    const hinted = languageOfPlatform(typeof platformHint === "string" ? platformHint : "");
    if (hinted !== "unknown") {
      const best = bestOf(PARSERS.filter((p) => p.language === hinted), input);
      if (best) return best;
    }
    return bestOf(PARSERS, input) ?? UNKNOWN;
  } catch {
    // Defensive: a parser bug must never fail event ingestion.
    return UNKNOWN;
  }
}

function bestOf(parsers: Parser[], input: string): ParsedStack | null {
  let best: ParsedStack | null = null;
  for (const { language, parse } of parsers) {
    const frames = parse(input);
    if (frames && isBetter(frames, best?.frames)) best = { language, frames };
  }
  if (!best) return null;
  return { language: best.language, frames: applyInApp(best.frames.map(clampFrame), best.language) };
}

/**
 * More frames wins; on a tie, more named frames ("at /path:1:2" lines read as nameless V8 frames
 * tie with the Rust symbols they belong to); on a full tie the earlier parser.
 */
function isBetter(frames: Frame[], best: Frame[] | undefined): boolean {
  if (!best || frames.length !== best.length) return frames.length > (best?.length ?? 0);
  const named = (list: Frame[]) => list.reduce((n, f) => n + (f.function ? 1 : 0), 0);
  return named(frames) > named(best);
}
