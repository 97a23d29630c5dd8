import { isCrystalLibraryCode } from "@/lib/grouping/frames/crystalLibrary";
import { isHaskellLibraryCode } from "@/lib/grouping/frames/haskellLibrary";
import { isJuliaLibraryCode } from "@/lib/grouping/frames/juliaLibrary";
import { REMOTE_LIBRARY_URL, RUST_NOISE, isRustLibraryCode, rustPath } from "@/lib/grouping/frames/libraryCode";
import { isLegacyNativeLibraryCode } from "@/lib/ingest/stacktrace/legacyNativeLibrary";
import { LUA_STRING_CHUNK, isLuaLibraryCode } from "@/lib/grouping/frames/luaLibrary";
import { isNimLibraryCode } from "@/lib/grouping/frames/nimLibrary";
import { isOcamlLibraryCode } from "@/lib/grouping/frames/ocamlLibrary";
import { isPerlLibraryCode } from "@/lib/grouping/frames/perlLibrary";
import { isZigLibraryCode } from "@/lib/grouping/frames/zigLibrary";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";

/**
 * Guesses whether a frame is application code, for frames whose client did not say.
 * Grouping keys on in-app frames only, so library internals that change between
 * dependency versions don't split groups, and library frames shared by every error
 * (framework routers, runtimes) don't merge unrelated ones.
 */
export function guessInApp(frame: Frame, language?: Language): boolean {
  const path = (frame.absPath ?? frame.filename ?? "").replace(/\\/g, "/");
  const moduleName = frame.module ?? "";
  if (language === "rust" || language === "native") return !isSystemCode(frame, path, language);
  if (!path && !moduleName) return false; // builtins: "<anonymous>", "[native code]", "index 0"
  if (language === "lua" && LUA_STRING_CHUNK.test(path)) return true; // load()ed code: bracketed like a builtin, but the app's
  if (path && isLibraryPath(path)) return false;
  if (hasLibraryRules(language)) return !isLanguageLibraryCode(frame, path, language);
  if (moduleName && isLibraryModule(moduleName, path, language)) return false;
  return true;
}

/** Fills in inApp where it is unknown; frames the client labelled keep their label. */
export function applyInApp(frames: Frame[], language?: Language): Frame[] {
  return frames.map((f) => (f.inApp === undefined ? { ...f, inApp: guessInApp(f, language) } : f));
}

/**
 * Dependency and runtime locations. Matched against "/" + lower-cased path, so relative
 * paths ("vendor/x.rb") match too. Go stdlib is recognised by package (below) instead,
 * because GOROOT lives in many places. Python on Windows keeps its standard library in
 * `…\Python312\Lib\` (conda: `…\Anaconda3\Lib\`).
 */
const LIBRARY_PATH =
  /\/(?:node_modules|site-packages|dist-packages|vendor|gems|pkg\/mod)\/|^\/usr\/(?:local\/)?(?:lib|share)\/|\/usr\/local\/go\/|\/lib\/(?:python\d|ruby\/)|\/(?:python\d{0,4}|anaconda\d?|miniconda\d?)\/lib\//;

/** Paths that are runtime internals rather than files: node:internal, <frozen ...>, <internal:...>, Deno's `ext:core/01_core.js`. */
const INTERNAL_PATH = /^(?:node:|internal\/|<|\[|native$|ext:)/;

function isLibraryPath(path: string): boolean {
  if (INTERNAL_PATH.test(path) || REMOTE_LIBRARY_URL.test(path)) return true;
  const p = path.toLowerCase();
  return LIBRARY_PATH.test(p.startsWith("/") ? p : `/${p}`);
}

/** JVM (Clojure's runtime and core library included: clojure.lang.*, clojure.core$…), Android and .NET platform namespaces. */
const PLATFORM_MODULE = /^(?:java|javax|jdk|sun|com\.sun|kotlin|kotlinx|scala|clojure|android|androidx|com\.android|com\.google\.android|libcore|dalvik|System|Microsoft)(?:\.|$)/;

/** Top-level packages of Go's standard library ("runtime", "net/http", "internal/poll", ...). */
const GO_STDLIB = new Set(
  "archive bufio bytes cmp compress container context crypto database debug embed encoding errors expvar flag fmt go hash html image index internal io iter log maps math mime net os path plugin reflect regexp runtime slices sort strconv strings sync syscall testing text time unicode unique unsafe weak".split(" "),
);

function isLibraryModule(moduleName: string, path: string, language?: Language): boolean {
  if (PLATFORM_MODULE.test(moduleName)) return true;
  const isGo = language === "go" || path.endsWith(".go");
  return isGo && GO_STDLIB.has(moduleName.split("/")[0]);
}

const LANGUAGES_WITH_LIBRARY_RULES = ["lua", "perl", "ocaml", "haskell", "julia", "zig", "crystal", "nim"] as const;
type LanguageWithLibrary = (typeof LANGUAGES_WITH_LIBRARY_RULES)[number];

/** Languages whose library code lib/grouping/frames knows by its own rules (not the shared paths and modules below). */
function hasLibraryRules(language: Language | undefined): language is LanguageWithLibrary {
  return (LANGUAGES_WITH_LIBRARY_RULES as readonly string[]).includes(language ?? "");
}

/** Lua, Perl, OCaml, Haskell, Julia, Zig, Crystal and Nim: their standard libraries, package managers' trees and common packages (lib/grouping/frames). */
function isLanguageLibraryCode(frame: Frame, path: string, language: LanguageWithLibrary): boolean {
  const moduleName = frame.module ?? "";
  if (language === "lua") return isLuaLibraryCode(path, frame.function ?? "");
  if (language === "perl") return isPerlLibraryCode(path, moduleName);
  if (language === "ocaml") return isOcamlLibraryCode(path, moduleName);
  if (language === "julia") return isJuliaLibraryCode(path, moduleName);
  if (language === "zig") return isZigLibraryCode(path);
  if (language === "crystal") return isCrystalLibraryCode(path);
  if (language === "nim") return isNimLibraryCode(path);
  return isHaskellLibraryCode(moduleName, path);
}

/** Rust and native frames often have no path at all (release builds): their names say whose code they are. */
function isSystemCode(frame: Frame, path: string, language: "rust" | "native"): boolean {
  const fn = frame.function ?? "";
  if (!fn && !path && !frame.module) return true;
  if (language === "rust") {
    const qualified = rustPath(frame.module ?? "", fn);
    return isRustLibraryCode(path, qualified) || RUST_NOISE.test(qualified);
  }
  return isLegacyNativeLibraryCode(path, fn, frame.module ?? "");
}
