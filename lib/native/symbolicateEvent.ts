import type { IngestEvent, NativeImage } from "@/lib/ingest/eventSchema";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { basename } from "@/lib/ingest/stacktrace/location";
import type { BreakpadSymbols } from "@/lib/native/breakpadSymbols";

/**
 * A native event's frames named only by an address, symbolicated: each frame whose image (by load
 * address, `nativeImages`) has symbols gets its function, source file and line — one frame per
 * function the compiler inlined there, the caller first. The address of every frame but the
 * innermost is a return address, one past the call: it is looked up one byte earlier, as
 * debuggers do. Frames without symbols are kept as they are. Pure.
 */
export function symbolicateEvent(event: IngestEvent, symbols: Map<string, BreakpadSymbols>): IngestEvent {
  const images = new Map((event.nativeImages ?? []).map((image: NativeImage) => [BigInt(image.imageAddr), image.debugId]));
  if (images.size === 0 || symbols.size === 0) return event;
  const symbolicate = (stack: IngestEvent["stackTrace"]) => (Array.isArray(stack) ? symbolicateFrames(stack, images, symbols) : stack);
  const out: IngestEvent = { ...event, stackTrace: symbolicate(event.stackTrace) };
  if (event.exceptions) out.exceptions = event.exceptions.map((e) => ({ ...e, stackTrace: symbolicate(e.stackTrace) }) as typeof e);
  return out;
}

/** Frames (outermost first) symbolicated where their image has symbols. */
export function symbolicateFrames(frames: Frame[], images: Map<bigint, string>, symbols: Map<string, BreakpadSymbols>): Frame[] {
  return frames.flatMap((frame, index) => {
    if (frame.function !== undefined || !frame.instructionAddr || !frame.imageAddr) return [frame];
    const start = BigInt(frame.imageAddr);
    const file = symbols.get(images.get(start) ?? "");
    const address = BigInt(frame.instructionAddr);
    if (!file || address < start) return [frame];
    const innermost = index === frames.length - 1;
    const offset = Number(address - start - (innermost ? 0n : 1n));
    const found = file.lookup(offset);
    if (!found) return [frame];
    return found.map((f) => {
      const out: Frame = { ...frame, function: f.function };
      if (f.file) {
        out.absPath = f.file;
        out.filename = basename(f.file) || f.file;
      }
      if (f.line !== undefined) out.lineno = f.line;
      return out;
    });
  });
}
