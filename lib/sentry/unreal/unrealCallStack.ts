import { basename } from "@/lib/ingest/stacktrace/location";
import type { JsonObject } from "@/lib/sentry/coerce";

/** Frames read from a CallStack; deeper ones are dropped (the crash is at the top). Lines are read up to MAX_LINE characters. */
const MAX_FRAMES = 256;
const MAX_LINE = 1_000;

/** Where the engine reports an assert, ensure or fatal log: the crash's machinery, not its cause. */
const MACHINERY = /^(?:FDebug::|UE::Assert::|FGenericCrashContext::|F\w*PlatformMisc::RaiseException|F\w*ErrorOutputDevice::|FOutputDevice\w*::|FMsg::|ReportAssert|ReportEnsure|ReportCrash|RaiseException|__debugbreak|abort|raise)\b/;
/** Operating-system and C runtime libraries: never the game's code. */
const SYSTEM_MODULE = /^(?:ntdll|kernel32|kernelbase|user32|ucrtbase|msvcrt\w*|vcruntime\w*|libc|libc\+\+\w*|libpthread|libsystem_\w+|libdyld|dyld|libobjc|CoreFoundation|AppKit|Foundation)(?:\.(?:dll|so(?:\.\d+)*|dylib))?$/i;
/** The engine's own modules in modular (editor) builds: UE4Editor-Engine, UnrealEditor-Core, libUnrealEditor-Slate.so. */
const ENGINE_MODULE = /^(?:lib)?(?:UE4Editor|UE5Editor|UnrealEditor|UE4Game|UnrealGame)-\w+/i;

/** How to tell the game's modules from the engine's: the executable's name and the project's. */
export interface UnrealModules {
  executable?: string;
  project?: string;
}

/**
 * The Sentry frames (outermost first) of the CallStack the engine symbolicated on the player's
 * machine, innermost first, one frame per line, in the three shapes its platforms print:
 *   Windows: `MyGame!AShip::Dock() [D:\Build\Source\Ship.cpp:42]` (UE5 prefixes the address, `0x00007ff6… `)
 *   Linux:   `0x00000000049f4b1c libUnrealEditor-Core.so!FDebug::AssertFailed(char const*, …) [/src/AssertionMacros.cpp:440]`
 *   macOS:   `AActor::BeginPlay() Address = 0x10bc5fc29 [/src/Actor.cpp, line 88] [in MyGame]` or `… (filename not found) [in MyGame]`
 * and a bare module (`kernel32`) for a frame without symbols. A frame is in-app when its module is
 * the game's (the executable or the project's editor module) and it is not the assert/crash
 * machinery; system and engine modules are not.
 */
export function unrealCallStackFrames(callStack: string, modules: UnrealModules): JsonObject[] {
  const frames: JsonObject[] = [];
  for (const raw of callStack.split(/\r?\n/)) {
    if (frames.length >= MAX_FRAMES) break;
    const line = raw.slice(0, MAX_LINE).replace(/^\s*\[Callstack\]\s*/i, "").trim();
    const frame = line && (macFrame(line) ?? windowsFrame(line) ?? moduleOnlyFrame(line));
    if (!frame) continue;
    frames.push({ ...frame, in_app: isInApp(frame, modules) });
  }
  return frames.reverse();
}

interface ParsedFrame {
  function?: string;
  package?: string;
  filename?: string;
  abs_path?: string;
  lineno?: number;
  instruction_addr?: string;
}

const MAC = /^(.+?)\s+Address = (0x[0-9a-f]+)\s*(?:\(filename not found\)|\[([^\]]+?),\s*line\s+(\d+)\])?\s*(?:\[in ([^\]]+)\])?$/i;
const WINDOWS = /^(?:(0x[0-9a-f]+)\s+)?([^\s![\]]+)!(.+?)(?:\s*\[([^\]]*)\])?$/i;
const MODULE_ONLY = /^(?:(0x[0-9a-f]+)\s+)?([\w.+-]+)$/;

function macFrame(line: string): ParsedFrame | null {
  const m = MAC.exec(line);
  if (!m) return null;
  return { ...named(m[1]), instruction_addr: m[2].toLowerCase(), ...located(m[3], m[4]), ...(m[5] && { package: m[5].trim() }) };
}

function windowsFrame(line: string): ParsedFrame | null {
  const m = WINDOWS.exec(line);
  if (!m) return null;
  const location = m[4] ? /^(.*?):(\d+)$/.exec(m[4].trim()) : null;
  return { ...(m[1] && { instruction_addr: m[1].toLowerCase() }), package: m[2], ...named(m[3]), ...(location && located(location[1], location[2])) };
}

function moduleOnlyFrame(line: string): ParsedFrame | null {
  const m = MODULE_ONLY.exec(line);
  if (!m || /^0x[0-9a-f]+$/i.test(m[2])) return null;
  return { ...(m[1] && { instruction_addr: m[1].toLowerCase() }), package: m[2] };
}

/** A function as printed, unless the engine could not name it ("UnknownFunction", "???"). */
function named(text: string): Pick<ParsedFrame, "function"> {
  const name = text.trim();
  return !name || /^(?:UnknownFunction|\?\?\?|\[Unknown\])/i.test(name) ? {} : { function: name };
}

function located(path: string | undefined, line: string | undefined): Pick<ParsedFrame, "filename" | "abs_path" | "lineno"> {
  const file = path?.trim();
  if (!file) return {};
  const lineno = Number(line);
  return { abs_path: file, filename: basename(file) || file, ...(lineno > 0 && { lineno }) };
}

function isInApp(frame: ParsedFrame, modules: UnrealModules): boolean {
  if (frame.function && MACHINERY.test(frame.function)) return false;
  const binary = frame.package ? moduleName(frame.package) : "";
  if (!binary || SYSTEM_MODULE.test(binary) || (ENGINE_MODULE.test(binary) && !isProjectModule(binary, modules.project))) return false;
  const names = [modules.executable, modules.project].filter((n): n is string => !!n).map((n) => moduleName(n).toLowerCase());
  const lower = binary.toLowerCase();
  return names.some((name) => lower === name || lower.startsWith(`${name}-`)) || isProjectModule(binary, modules.project);
}

/** "UnrealEditor-MyGame" is the project's own module in an editor build. */
function isProjectModule(binary: string, project: string | undefined): boolean {
  return !!project && binary.toLowerCase().endsWith(`-${project.toLowerCase()}`);
}

/** "C:\Game\Binaries\Win64\MyGame.exe" → "MyGame"; "libUnrealEditor-Core.so" → "libUnrealEditor-Core". */
function moduleName(path: string): string {
  return basename(path).replace(/\.(?:exe|dll|so(?:\.\d+)*|dylib)$/i, "");
}
