import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";
import { isAbsolutePath } from "@/lib/ingest/stacktrace/location";
import { languageOfPlatform } from "@/lib/ingest/stacktrace/platformLanguage";

const BY_EXTENSION: [RegExp, Language][] = [
  [/\.(?:[cm]?[jt]sx?|vue|svelte)$/i, "javascript"],
  [/\.py[cw]?$/i, "python"],
  [/\.(?:java|kt|kts|scala|groovy|clj)$/i, "java"],
  [/\.go$/i, "go"],
  [/\.(?:rb|erb|rake)$/i, "ruby"],
  [/\.(?:cs|fs|vb)$/i, "dotnet"],
  [/\.(?:php|phtml)$/i, "php"],
  [/\.rs$/i, "rust"],
  [/\.(?:ex|exs|erl|hrl)$/i, "elixir"],
  [/\.dart$/i, "dart"],
  [/\.lua$/i, "lua"],
  [/\.(?:pl|pm|t|psgi)$/i, "perl"],
  [/\.mli?$/i, "ocaml"],
  [/\.l?hs$/i, "haskell"],
  [/\.jl$/i, "julia"],
  [/\.zig$/i, "zig"],
  [/\.e?cr$/i, "crystal"],
  [/\.nims?$/i, "nim"],
  [/\.(?:c|cc|cpp|cxx|h|hh|hpp|hxx|m|mm|swift)$/i, "native"],
];

/**
 * The frame's own platform (a Sentry SDK's, on a mixed stack: React Native's Java frames in a
 * JavaScript event), else the event's language, else what the frame's file extension says. A frame
 * located only by a binary's path (no file; the module an absolute path: `/system/lib64/libc.so`) is
 * native code whatever the event's language — the native part of an Android ANR's thread dump in a
 * Java event, a Flutter engine frame in a Dart one.
 */
export function languageOfFrame(frame: Frame, eventLanguage: Language): Language {
  if (isBinaryFrame(frame)) return "native";
  const own = languageOfPlatform(frame.platform);
  if (own !== "unknown") return own;
  if (eventLanguage !== "unknown") return eventLanguage;
  const path = (frame.filename ?? frame.absPath ?? "").replace(/[?#].*$/, "");
  for (const [pattern, language] of BY_EXTENSION) if (pattern.test(path)) return language;
  if (path.startsWith("http") || path.startsWith("app://") || path.startsWith("webpack")) return "javascript";
  return "unknown";
}

/** A frame located only by the binary it lies in: no file, the module an absolute path ("/usr/lib/libc.so.6"). */
export function isBinaryFrame(frame: Frame): boolean {
  return !frame.filename && !frame.absPath && Boolean(frame.module) && isAbsolutePath(frame.module ?? "");
}
