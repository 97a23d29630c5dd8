import type { Frame, Language, ParsedStack } from "@/lib/ingest/stacktrace/frame";
import { applyInApp } from "@/lib/ingest/stacktrace/inApp";
import { MAX_INPUT_CHARS, clampFrame } from "@/lib/ingest/stacktrace/limits";
import { parseDotnet } from "@/lib/ingest/stacktrace/parseDotnet";
import { parseFirefoxSafari } from "@/lib/ingest/stacktrace/parseFirefoxSafari";
import { parseGo } from "@/lib/ingest/stacktrace/parseGo";
import { parseJava } from "@/lib/ingest/stacktrace/parseJava";
import { parsePhp } from "@/lib/ingest/stacktrace/parsePhp";
import { parsePython } from "@/lib/ingest/stacktrace/parsePython";
import { parseRuby } from "@/lib/ingest/stacktrace/parseRuby";
import { parseV8 } from "@/lib/ingest/stacktrace/parseV8";

type Parser = { language: Language; parse: (text: string) => Frame[] | null };

/** Tried in this order; on a tie in frame count the earlier parser wins. */
const PARSERS: Parser[] = [
  { language: "javascript", parse: parseV8 },
  { language: "javascript", parse: parseFirefoxSafari },
  { language: "python", parse: parsePython },
  { language: "java", parse: parseJava },
  { language: "go", parse: parseGo },
  { language: "ruby", parse: parseRuby },
  { language: "dotnet", parse: parseDotnet },
  { language: "php", parse: parsePhp },
];

/** SDK platform names (ours and Sentry's) -> language. */
const PLATFORM_LANGUAGE: Record<string, Language> = {
  javascript: "javascript", js: "javascript", node: "javascript", nodejs: "javascript", typescript: "javascript",
  browser: "javascript", deno: "javascript", bun: "javascript",
  python: "python", py: "python",
  java: "java", kotlin: "java", scala: "java", android: "java", jvm: "java",
  go: "go", golang: "go",
  ruby: "ruby", rails: "ruby",
  dotnet: "dotnet", ".net": "dotnet", csharp: "dotnet", "c#": "dotnet", fsharp: "dotnet",
  php: "php", laravel: "php", symfony: "php",
};

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

    const hint = typeof platformHint === "string" ? platformHint.trim().toLowerCase() : "";
    const hinted = Object.hasOwn(PLATFORM_LANGUAGE, hint) ? PLATFORM_LANGUAGE[hint] : undefined;
    if (hinted) {
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
    if (frames && frames.length > (best?.frames.length ?? 0)) best = { language, frames };
  }
  if (!best) return null;
  return { language: best.language, frames: applyInApp(best.frames.map(clampFrame), best.language) };
}
