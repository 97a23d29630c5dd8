import { MAX_CHAIN_LENGTH, MAX_EXCEPTION_MESSAGE_CHARS, MAX_EXCEPTION_TYPE_CHARS, type ChainException } from "@/lib/grouping/chain/ChainException";
import type { TraceSection } from "@/lib/grouping/chain/TraceSection";
import { splitDotnetChain } from "@/lib/grouping/chain/splitDotnetChain";
import { splitGoChain } from "@/lib/grouping/chain/splitGoChain";
import { splitJavaChain } from "@/lib/grouping/chain/splitJavaChain";
import { splitNativeChain } from "@/lib/grouping/chain/splitNativeChain";
import { splitNodeChain } from "@/lib/grouping/chain/splitNodeChain";
import { splitPhpChain } from "@/lib/grouping/chain/splitPhpChain";
import { splitPythonChain } from "@/lib/grouping/chain/splitPythonChain";
import { splitRubyChain } from "@/lib/grouping/chain/splitRubyChain";
import { runtimeHeader } from "@/lib/grouping/chain/runtimeHeader";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";
import { applyInApp } from "@/lib/ingest/stacktrace/inApp";
import { withCurrentNativeInApp } from "@/lib/grouping/frames/currentNativeInApp";
import { clampFrame } from "@/lib/ingest/stacktrace/limits";
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
import { parsePython } from "@/lib/ingest/stacktrace/parsePython";
import { parseRuby } from "@/lib/ingest/stacktrace/parseRuby";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";
import { parseV8 } from "@/lib/ingest/stacktrace/parseV8";
import { parseZig } from "@/lib/ingest/stacktrace/parseZig";

const SPLITTERS: Partial<Record<Language, (text: string) => TraceSection[]>> = {
  java: splitJavaChain,
  python: splitPythonChain,
  dotnet: splitDotnetChain,
  javascript: splitNodeChain,
  ruby: splitRubyChain,
  php: splitPhpChain,
  go: splitGoChain,
  native: splitNativeChain,
};

const FRAME_PARSERS: Record<Language, ((text: string) => Frame[] | null)[]> = {
  javascript: [parseV8, parseFirefoxSafari],
  python: [parsePython],
  java: [parseJava],
  go: [parseGo],
  ruby: [parseRuby],
  dotnet: [parseDotnet],
  php: [parsePhp],
  rust: [parseRust],
  elixir: [parseElixir],
  dart: [parseDart],
  native: [parseNative],
  lua: [parseLua],
  perl: [parsePerl],
  ocaml: [parseOcaml],
  haskell: [parseHaskell],
  julia: [parseJulia],
  zig: [parseZig],
  crystal: [parseCrystal],
  nim: [parseNim],
  unknown: [],
};

export interface ParsedChain {
  language: Language;
  /** Raised exception first. Its type/message are those the trace printed (undefined when it printed none). */
  exceptions: (Omit<ChainException, "type" | "message"> & { type?: string; message?: string })[];
  /** What parseStackTrace finds in the whole text: the frames grouping version 1 keyed on. */
  legacyFrames: Frame[];
}

/**
 * Splits a native trace into its exception chain (raised first) and parses each exception's frames
 * with its runtime's parser. Never throws; a trace without chain markers is one exception whose
 * frames are exactly what parseStackTrace finds.
 */
export function parseChainText(text: string, platformHint?: string): ParsedChain {
  const whole = parseStackTrace(text, platformHint);
  try {
    const split = SPLITTERS[whole.language];
    const sections = split ? split(text) : [];
    if (sections.length <= 1) {
      const header = sections[0]?.type ? sections[0] : runtimeHeader(text, whole.language);
      return { language: whole.language, exceptions: [{ ...clampHeader(header), relation: "raised", frames: withCurrentNativeInApp(whole.frames, whole.language) }], legacyFrames: whole.frames };
    }
    const exceptions: ParsedChain["exceptions"] = [];
    for (const [i, section] of sections.slice(0, MAX_CHAIN_LENGTH).entries()) {
      let frames = framesOf(section.body, whole.language);
      // The raised exception keeps parseStackTrace's frames when its own section yields none (unusual layouts).
      if (i === 0 && frames.length === 0) frames = withCurrentNativeInApp(whole.frames, whole.language);
      // "... N more": restore the enclosing exception's outermost N frames, as the runtime would have printed them.
      // A cause's enclosing exception is the one before it that is not suppressed: a JVM trace prints the
      // suppressed exceptions (tab-indented) between an exception and its cause.
      const enclosing = (section.relation === "suppressed" ? exceptions[i - 1] : exceptions.findLast((e) => e.relation !== "suppressed"))?.frames ?? [];
      if (section.elidedOuterFrames) frames = [...enclosing.slice(0, Math.min(section.elidedOuterFrames, enclosing.length)), ...frames];
      exceptions.push({ ...clampHeader(section), relation: i === 0 ? "raised" : section.relation, frames });
    }
    return { language: whole.language, exceptions, legacyFrames: whole.frames };
  } catch {
    return { language: whole.language, exceptions: [{ relation: "raised", frames: withCurrentNativeInApp(whole.frames, whole.language) }], legacyFrames: whole.frames };
  }
}

/** A type and message read from a trace are held to the limits a client's own are. */
function clampHeader(header: { type?: string; message?: string } | undefined): { type?: string; message?: string } {
  return {
    ...(header?.type !== undefined && { type: header.type.slice(0, MAX_EXCEPTION_TYPE_CHARS) }),
    ...(header?.message !== undefined && { message: header.message.slice(0, MAX_EXCEPTION_MESSAGE_CHARS) }),
  };
}

function framesOf(body: string, language: Language): Frame[] {
  let best: Frame[] = [];
  for (const parse of FRAME_PARSERS[language]) {
    const frames = parse(body);
    if (frames && frames.length > best.length) best = frames;
  }
  return withCurrentNativeInApp(applyInApp(best.map(clampFrame), language), language);
}
