import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { readGoRace } from "@/lib/ingest/stacktrace/goRace";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields, splitLocation } from "@/lib/ingest/stacktrace/location";
import { matchingOpenParen } from "@/lib/ingest/stacktrace/parens";

/**
 * Go panics / runtime/debug.Stack() output, innermost first, two lines per frame:
 *   goroutine 1 [running]:
 *   main.(*Server).handle(0xc000012345, {0x1, 0x2})
 *   	/home/alice/app/server.go:12 +0x1d
 *   created by main.main in goroutine 1
 *   	/home/alice/app/main.go:30 +0x25
 * Only the first goroutine is used: it is the one that panicked. Its "created by" frame is where the
 * goroutine was started, not a caller of its frames (runtime.Callers, and so sentry-go, never has it):
 * kept for the reader, marked library so grouping keys on the call path alone. gin's Recovery middleware prints
 * "file.go:47 (0xpc)" lines each followed by "\tFunc: source line". Of a race detector's report
 * (goRace.ts), the stack of the access that found the race.
 */
export function parseGo(text: string): Frame[] | null {
  const race = readGoRace(text);
  return parseGoStack(race ? race[0].lines.join("\n") : text);
}

function parseGoStack(text: string): Frame[] | null {
  const frames: Frame[] = [];
  let pending: Pick<Frame, "module" | "function" | "inApp"> | null = null;
  let ginAt: Frame | null = null;
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    // gin's Recovery middleware: "/src/handlers/orders.go:47 (0x8a1b2c)", then "\t(*Orders).Show: c.JSON(200, o)".
    const gin = GIN_LOCATION.exec(line);
    if (gin) {
      ginAt = { ...pathFields(gin[1]), lineno: Number(gin[2]) };
      continue;
    }
    if (ginAt && raw.startsWith("\t")) {
      const colon = line.indexOf(": ");
      const fn = colon > 0 ? line.slice(0, colon) : "";
      frames.push(fn && !/\s/.test(fn) ? { function: fn, ...ginAt } : ginAt);
      ginAt = null;
      if (frames.length >= MAX_FRAMES) break;
      continue;
    }
    ginAt = null;
    if (GOROUTINE_HEADER.test(line)) {
      if (frames.length > 0) break;
      pending = null;
      continue;
    }
    if (pending && (raw.startsWith("\t") || raw.startsWith(" "))) {
      const where = splitLocation(line.replace(PC_OFFSET, ""), false);
      if (where && where.path && where.colno === undefined) {
        frames.push({ ...pending, ...pathFields(where.path), lineno: where.lineno });
        if (frames.length >= MAX_FRAMES) break; // innermost come first; the rest would be dropped
      }
      pending = null;
      continue;
    }
    pending = parseFunctionLine(line);
  }
  return innermostFirstToOrdered(frames);
}

const GIN_LOCATION = /^(\S{1,2048}\.go):(\d{1,9}) \(0x[0-9a-f]{1,16}\)$/;

/** "goroutine 7 [running]:"; Go 1.23+ with GOTRACEBACK=system/crash: "goroutine 7 gp=0x… m=5 mp=0x… [running]:". */
const GOROUTINE_HEADER = /^goroutine \d+(?: [a-z]+=\S+)* \[[^\]]*\]:$/;
/** The program-counter offset after the line number: "main.go:12 +0x1d", and GOTRACEBACK=system's "fp=… sp=… pc=…". */
const PC_OFFSET = /(?:\s\+0x[0-9a-f]+)?(?:\s(?:fp|sp|pc)=0x[0-9a-f]+)*$/;

/** A qualified function name alone on its line: no spaces, and a "." after the import path's last "/". */
function isBareFunction(line: string): boolean {
  return line.length <= 768 && /^[\w.\/%$*()[\]-]+$/.test(line) && line.indexOf(".", line.lastIndexOf("/") + 1) > 0;
}

/** "pkg/path.Func(args)", "pkg/path.Func" (pkg/errors) or "created by pkg/path.Func[ in goroutine N]". */
function parseFunctionLine(line: string): Pick<Frame, "module" | "function" | "inApp"> | null {
  let name: string;
  if (line.startsWith("created by ")) {
    name = line.slice(11);
    const inGoroutine = name.indexOf(" in goroutine ");
    if (inGoroutine > 0) name = name.slice(0, inGoroutine);
    if (!name || /\s/.test(name)) return null;
    return { ...splitGoName(name), inApp: false };
  } else {
    const open = matchingOpenParen(line);
    // github.com/pkg/errors' "%+v" prints the function without its arguments: "github.com/acme/shop/config.Load".
    if (open <= 0 && !isBareFunction(line)) return null;
    name = open <= 0 ? line : line.slice(0, open);
  }
  if (!name || /\s/.test(name)) return null;
  return splitGoName(name);
}

/**
 * "github.com/acme/api.(*Server).Handle" -> module "github.com/acme/api", function
 * "(*Server).Handle". The package ends at the first "." after the last "/" (Go escapes
 * dots in the last import-path element as %2e, so this is unambiguous).
 */
function splitGoName(name: string): Pick<Frame, "module" | "function"> {
  const dot = name.indexOf(".", name.lastIndexOf("/") + 1);
  if (dot <= 0) return { function: name };
  return { module: name.slice(0, dot), function: name.slice(dot + 1) };
}
