import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields } from "@/lib/ingest/stacktrace/location";

/**
 * .NET Exception.ToString() output, innermost first:
 *   System.InvalidOperationException: Sequence contains no elements
 *      at System.Linq.ThrowHelper.ThrowNoElementsException()
 *      at MyApp.Orders.OrderService.GetOrder(Int32 id) in C:\build\src\OrderService.cs:line 42
 *   --- End of stack trace from previous location ---
 * Inner exceptions are printed nested between " ---> Inner: msg" and
 * "--- End of inner exception stack trace ---"; they are skipped so that the frames
 * belong to the outer exception, whose type the event reports. Mono's layout
 * ("at Ns.C.M () [0x0001a] in <mvid>:0") is read too (parseMonoFrame).
 */
export function parseDotnet(text: string): Frame[] | null {
  const frames: Frame[] = [];
  let innerDepth = 0;
  const unity = text.includes(") (at ");
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    const unityFrame = unity ? parseUnityLine(line) : null;
    if (unityFrame) {
      frames.push(unityFrame);
      if (frames.length >= MAX_FRAMES) break;
      continue;
    }
    if (line.includes(" ---> ") || line.startsWith("---> ")) innerDepth++;
    if (line.startsWith("--- End of inner exception stack trace")) {
      innerDepth = Math.max(0, innerDepth - 1);
      continue;
    }
    const at = FRAME_START.exec(line);
    if (innerDepth > 0 || !at) continue;
    const frame = parseFrameLine(line.slice(at[0].length).trim());
    if (frame) frames.push(frame);
    if (frames.length >= MAX_FRAMES) break; // innermost come first; the rest would be dropped
  }
  return innermostFirstToOrdered(frames);
}

/**
 * The runtime prints frames in the machine's UI language: "at X in F:line 42" (English), "bei X in
 * F:Zeile 42", "à X dans F:ligne 42", "en X en F:línea 42", "in X in F:riga 42", "em X em F:linha
 * 42", "в X в F:строка 42", "w X w F:wiersz 42", "bij X in F:regel 42", "v X v F:řádek 42".
 */
export const FRAME_START = /^(?:at|bei|à|en|in|em|в|w|bij|v) /;
const LINE_SUFFIX = /:(?:line|Zeile|ligne|línea|riga|linha|строка|wiersz|regel|řádek) ?(\d{1,9})$/;
const IN_WORDS = [" in ", " dans ", " en ", " em ", " в ", " w ", " v "];

function parseFrameLine(rest: string): Frame | null {
  const mono = parseMonoFrame(rest);
  if (mono !== undefined) return mono;
  let method = rest;
  let location: Pick<Frame, "filename" | "absPath" | "lineno"> = {};
  const suffix = LINE_SUFFIX.exec(rest);
  if (suffix) {
    // The file starts after the last " in " (or its translation) before the line marker.
    const head = rest.slice(0, suffix.index);
    const cut = IN_WORDS.map((word) => ({ at: head.lastIndexOf(word), length: word.length })).reduce((a, b) => (b.at > a.at ? b : a));
    if (cut.at > 0) {
      location = { ...pathFields(head.slice(cut.at + cut.length)), lineno: Number(suffix[1]) };
      method = rest.slice(0, cut.at);
    }
  }
  // "Ns.Class.Method[T](Int32 id)": the signature starts at the first "(".
  const open = method.indexOf("(");
  if (open <= 0 || !method.endsWith(")")) return null;
  const qualified = method.slice(0, open);
  if (/\s/.test(qualified) || !looksLikeDotnetParams(method.slice(open + 1, -1))) return null;

  // Method name = last dotted segment, ignoring dots inside generic brackets.
  const nameStart = qualified.lastIndexOf(".", bracketStart(qualified));
  const frame: Frame =
    nameStart > 0
      ? { module: qualified.slice(0, nameStart), function: qualified.slice(nameStart + 1) }
      : { function: qualified };
  return { ...frame, ...location };
}

/**
 * Mono's frames (Unity players, Xamarin, Mono on Linux): a space before the parameter list, the IL offset
 * ("[0x0001a]", "<0x1005f0000 + 0x00123>", "<IL 0x0001a, 0x00058>") and " in File.cs:42"; an assembly
 * without debug symbols names no file, but its module version id: " in <4f3ae1ba…>:0". Undefined when
 * the line is not Mono's; null for its "(wrapper managed-to-native) …" frames, the runtime's own.
 */
const MONO_FRAME = /^(\S{1,1024}) ?\(([^()]{0,1024})\) (?:\[0x[0-9a-f]{1,16}\]|<0x[0-9a-f]{1,16}(?: \+ 0x[0-9a-f]{1,16})?>|<IL 0x[0-9a-f]{1,16}, 0x[0-9a-f]{1,16}>)(?: in (.{1,2048}?)(?::(\d{1,9}))?)?$/;

function parseMonoFrame(rest: string): Frame | null | undefined {
  if (rest.startsWith("(wrapper ")) return null;
  const m = MONO_FRAME.exec(rest.trim());
  if (!m || !looksLikeDotnetParams(m[2])) return undefined;
  const [, qualified, , file, line] = m;
  const nameStart = qualified.lastIndexOf(".", bracketStart(qualified));
  const frame: Frame = nameStart > 0 ? { module: qualified.slice(0, nameStart), function: qualified.slice(nameStart + 1) } : { function: qualified };
  // "<4f3ae1ba5c3a4d0c9e3bb8d7f86fd0f8>" (a module version id) and "<filename unknown>" are no file.
  if (!file || file.startsWith("<")) return frame;
  return { ...frame, ...pathFields(file), ...(line && line !== "0" ? { lineno: Number(line) } : {}) };
}

/** Start of a trailing "[T]" generic argument list, or the end of the name. */
function bracketStart(name: string): number {
  if (!name.endsWith("]")) return name.length;
  const open = name.lastIndexOf("[");
  return open > 0 ? open : name.length;
}

/**
 * .NET prints "(Type name, ...)" or "()". JVM lines look alike but carry a location
 * instead ("(Foo.java:42)", "(Native Method)"), which must not be read as .NET frames.
 */
function looksLikeDotnetParams(params: string): boolean {
  if (params === "") return true;
  if (params.includes(" ")) return params !== "Native Method" && !params.startsWith("Unknown Source");
  // Types alone, as the Windows event log prints them: "(System.String)", "(System.String[],System.Object)".
  return params.length <= 1024 && params.split(",").every((type) => /^[\w.`]+(?:\[\])*&?$/.test(type) && /^[A-Z]/.test(type.slice(type.lastIndexOf(".") + 1)));
}

/**
 * Unity's log stack traces (Debug.LogException, the Console, Player.log), innermost first and without
 * "at": "PlayerController.Update () (at Assets/Scripts/PlayerController.cs:27)", and engine frames
 * without a location, "UnityEngine.Debug:Log (object)".
 */
const UNITY_LOCATED = /^([\w.`+<>:]{1,512}) ?\(([^()]{0,1024})\) \(at (.{1,2048}):(\d{1,9})\)$/;
const UNITY_ENGINE = /^([\w.`+<>]{1,512}):([\w.`<>]{1,256}) ?\(([^()]{0,1024})\)$/;

/** Whether a trimmed line is one of Unity's log frames (where the exception's message ends). */
export function isUnityFrameLine(line: string): boolean {
  return parseUnityLine(line) !== null;
}

function parseUnityLine(line: string): Frame | null {
  const located = UNITY_LOCATED.exec(line);
  if (located) {
    const qualified = located[1].replace(":", ".");
    const dot = qualified.lastIndexOf(".");
    const name = dot > 0 ? { module: qualified.slice(0, dot), function: qualified.slice(dot + 1) } : { function: qualified };
    return { ...name, ...pathFields(located[3]), lineno: Number(located[4]) };
  }
  const engine = UNITY_ENGINE.exec(line);
  return engine ? { module: engine[1], function: engine[2] } : null;
}
