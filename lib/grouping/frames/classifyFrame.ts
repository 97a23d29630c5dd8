import {
  DOTNET_LIBRARY,
  GO_LIBRARY,
  GO_STDLIB,
  INTERNAL_PATH,
  isElixirLibraryCode,
  isNativeLibraryCode,
  isRustLibraryCode,
  JVM_LIBRARY,
  LIBRARY_PATH,
  NATIVE_NOISE,
  PHP_LIBRARY,
  PYTHON_LIBRARY,
  REMOTE_LIBRARY_URL,
  RUST_NOISE,
  rustPath,
} from "@/lib/grouping/frames/libraryCode";
import { isConfiguredInApp } from "@/lib/grouping/frames/configuredInApp";
import { isCrystalLibraryCode } from "@/lib/grouping/frames/crystalLibrary";
import { isHaskellLibraryCode } from "@/lib/grouping/frames/haskellLibrary";
import { isJuliaLibraryCode } from "@/lib/grouping/frames/juliaLibrary";
import { LUA_STRING_CHUNK, isLuaLibraryCode } from "@/lib/grouping/frames/luaLibrary";
import { isNimLibraryCode } from "@/lib/grouping/frames/nimLibrary";
import { isOcamlLibraryCode } from "@/lib/grouping/frames/ocamlLibrary";
import { isPerlLibraryCode, perlSub } from "@/lib/grouping/frames/perlLibrary";
import { isZigLibraryCode } from "@/lib/grouping/frames/zigLibrary";
import { DART_LIBRARY } from "@/lib/ingest/stacktrace/dartLibrary";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";

/**
 * app: the application's code, what grouping keys on; library: dependencies and platform (used
 * only when no app frame is left); skip: frames that come and go without the code changing
 * (runtime internals, builtins, proxies, reflection, compiler helpers, coroutine machinery).
 */
export type FrameClass = "app" | "library" | "skip";

/** A project's frame rule decision, when one matches (see lib/grouping/rules). */
export type FrameOverride = (frame: Frame, language: Language) => "app" | "library" | undefined;

/**
 * `clientFrames`: the frames are a client's own structured frames (a Sentry SDK's), so an in_app=true
 * the user's SDK configuration set is honoured (isConfiguredInApp); a text trace's frames carry a guess.
 */
export function classifyFrame(frame: Frame, language: Language, override?: FrameOverride, clientFrames = false): FrameClass {
  const path = (frame.absPath || frame.filename || "").replace(/\\/g, "/");
  const mod = frame.module ?? "";
  const fn = frame.function ?? "";
  if (!path && !mod && !fn) return "skip";
  if (isNoise(frame, path, mod, fn, language)) return "skip";
  const ruled = override?.(frame, language);
  if (ruled) return ruled;
  if (frame.inApp === false) return "library";
  if (clientFrames && isConfiguredInApp(frame, language)) return "app";
  if (isLibrary(path, mod, fn, language)) return "library";
  return "app";
}

const JS_HELPERS = new Set(["__awaiter", "__generator", "__async", "step", "fulfilled", "rejected", "verb", "asyncGeneratorStep", "_asyncToGenerator", "_next", "_throw", "__spreadArray", "__rest", "__decorate", "__param", "__esDecorate", "__runInitializers"]);
const JVM_NOISE_CLASS = /\$Proxy\d+$|\$\$(?:EnhancerBy|SpringCGLIB|FastClassBy|Lambda)|\$ByteBuddy\$|\$HibernateProxy\$|\$MockitoMock\$|(?:^|\.)(?:GeneratedMethodAccessor|GeneratedConstructorAccessor|GeneratedSerializationConstructorAccessor)\d+$|^_COROUTINE\./;
const JVM_NOISE_MEMBER = /^(?:access\$\d+|invoke0|invokeExact_MT|linkToTargetMethod)$/;
const PYTHON_COMPREHENSIONS = /^<(?:listcomp|dictcomp|setcomp|genexpr)>$/;

function isNoise(frame: Frame, path: string, mod: string, fn: string, language: Language): boolean {
  // Lua code loaded from a string (`[string "…"]`) is bracketed like a builtin, but it is the app's.
  if (path && INTERNAL_PATH.test(path) && !(language === "lua" && LUA_STRING_CHUNK.test(path))) return true;
  switch (language) {
    case "javascript":
      // Builtins ("Array.map (<anonymous>)", "[native code]") and compiler helpers (tslib, Babel).
      return !path || JS_HELPERS.has(fn.replace(/^(?:async |new )/, ""));
    case "java":
      return JVM_NOISE_CLASS.test(mod) || JVM_NOISE_MEMBER.test(fn) || /^(?:jdk\.internal\.reflect|sun\.reflect|java\.lang\.reflect|java\.lang\.invoke)\./.test(mod);
    case "python":
      return PYTHON_COMPREHENSIONS.test(fn);
    case "dotnet":
      return /^lambda_method\d*$/.test(fn) || /^System\.Runtime\.(?:CompilerServices|ExceptionServices)\./.test(mod);
    case "rust":
      return RUST_NOISE.test(rustPath(mod, fn));
    case "native":
      return NATIVE_NOISE.test(fn);
    case "elixir":
      return /^"[^"]*\(overridable \d+\)"\/\d+$/.test(fn); // a defoverridable function's previous definition
    default:
      return false;
  }
}

function isLibrary(path: string, mod: string, fn: string, language: Language): boolean {
  if (path && LIBRARY_PATH.test(`/${path.toLowerCase().replace(/^\/+/, "")}`)) return true;
  if (/^\/?(?:chrome|moz|safari(?:-web)?)-extension:/.test(path) || REMOTE_LIBRARY_URL.test(path)) return true;
  switch (language) {
    case "java":
      return JVM_LIBRARY.test(mod);
    case "dotnet":
      return DOTNET_LIBRARY.test(mod);
    case "go": {
      if (!mod) return false;
      return GO_STDLIB.has(mod.split("/")[0]) && !mod.includes(".") ? true : GO_LIBRARY.test(mod);
    }
    case "php":
      return PHP_LIBRARY.test(mod);
    case "python":
      return mod !== "" && PYTHON_LIBRARY.test(mod);
    case "rust":
      return isRustLibraryCode(path, rustPath(mod, fn));
    case "native":
      return isNativeLibraryCode(path, fn, mod);
    case "elixir":
      return isElixirLibraryCode(path, mod, fn);
    case "dart":
      return DART_LIBRARY.test(path);
    case "lua":
      return isLuaLibraryCode(path, fn);
    case "perl":
      return isPerlLibraryCode(path, perlSub(mod, fn).pkg);
    case "ocaml":
      return isOcamlLibraryCode(path, mod);
    case "haskell":
      return isHaskellLibraryCode(mod, path);
    case "julia":
      return isJuliaLibraryCode(path, mod);
    case "zig":
      return isZigLibraryCode(path);
    case "crystal":
      return isCrystalLibraryCode(path);
    case "nim":
      return isNimLibraryCode(path);
    default:
      return false;
  }
}
