import type { ExceptionInput } from "@/lib/grouping/chain/ChainException";
import type { IngestEvent } from "@/lib/ingest/eventSchema";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import type { ProguardMapping } from "@/lib/proguard/proguardMapping";
import { appPackageOf, originalClassName, retraceFrames } from "@/lib/proguard/retraceFrames";
import { retraceText } from "@/lib/proguard/retraceText";

/** What retracing changes of an event or one exception of its chain. */
interface Retraceable {
  type?: string;
  module?: string;
  stackTrace?: string | Frame[];
}

/**
 * An obfuscated JVM event as it was written: its exception classes (`module` + `type`, or a
 * qualified `type`) and frames — structured or a printed trace — in the raised exception and every
 * other of its chain, retraced with the mappings; retraced frames in the app's package (its Android
 * release's name) count as application code. What no mapping knows is kept. Pure.
 */
export function retraceEvent(event: IngestEvent, mappings: ProguardMapping[]): IngestEvent {
  if (mappings.length === 0) return event;
  const appPackage = appPackageOf(event.release);
  const out: IngestEvent = { ...event, ...retraced(event, mappings, appPackage) };
  if (event.exceptions) out.exceptions = event.exceptions.map((e) => ({ ...e, ...retraced(e, mappings, appPackage) }) as typeof e);
  return out;
}

function retraced(exception: Retraceable | ExceptionInput, mappings: ProguardMapping[], appPackage: string | undefined): Retraceable {
  const out: Retraceable = {};
  if (exception.type) Object.assign(out, typeOf(exception.type, exception.module, mappings));
  const stack = exception.stackTrace;
  if (typeof stack === "string") out.stackTrace = retraceText(stack, mappings);
  else if (Array.isArray(stack)) out.stackTrace = retraceFrames(stack, mappings, appPackage, qualifiedType(out.type ?? exception.type, out.type ? out.module : exception.module));
  return out;
}

/** The exception's class as R8's rewrite rules name it ("java.lang.NullPointerException"). */
function qualifiedType(type: string | undefined, module: string | undefined): string | undefined {
  return type && module ? `${module}.${type}` : type;
}

/** "b" in module "a" → "PaymentDeclinedException" in "com.example.shop"; a qualified "a.b" stays qualified. */
function typeOf(type: string, module: string | undefined, mappings: ProguardMapping[]): Pick<Retraceable, "type" | "module"> {
  if (module) {
    const original = originalClassName(`${module}.${type}`, mappings);
    if (!original) return { type, module };
    const dot = original.lastIndexOf(".");
    return dot < 0 ? { type: original, module: undefined } : { type: original.slice(dot + 1), module: original.slice(0, dot) };
  }
  return { type: originalClassName(type, mappings) ?? type };
}
