import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields } from "@/lib/ingest/stacktrace/location";

/**
 * OCaml backtraces (OCAMLRUNPARAM=b, Printexc.print_backtrace), innermost first:
 *   Fatal error: exception Not_found
 *   Raised at Stdlib__Map.Make.find in file "map.ml", line 137, characters 10-25
 *   Called from Dune__exe__Main.lookup in file "bin/main.ml" (inlined), line 12, characters 2-30
 *   Re-raised at Dune__exe__Main.run in file "bin/main.ml", lines 18-20, characters 4-11
 *   Called from Dune__exe__Main in file "bin/main.ml", line 20, characters 9-24   (the module's top level)
 *   Called from unknown location
 * OCaml before 4.12 prints no function ("Raised at file "map.ml", line 137, characters 10-25"); an
 * exception raised by the runtime starts "Raised by primitive operation at". Each line is the function
 * running at its location: module path (Stdlib__Map.Make) and function (find) apart. "characters a-b"
 * count from 0: the column is a + 1. Only the first backtrace is read.
 */
export function parseOcaml(text: string): Frame[] | null {
  const frames: Frame[] = [];
  for (const raw of splitLines(text)) {
    const m = FRAME_LINE.exec(raw.trim());
    if (!m) continue;
    const [, kind, name, path, line, start] = m;
    if (frames.length > 0 && kind.startsWith("Raised ")) break; // "Raised at" opens a backtrace: another one
    frames.push({ ...splitDefinition(name), ...pathFields(path), lineno: Number(line), colno: Number(start) + 1 });
    if (frames.length >= MAX_FRAMES) break;
  }
  return innermostFirstToOrdered(frames);
}

const FRAME_LINE =
  /^(Raised at|Re-raised at|Raised by primitive operation at|Called from) (?:([^\s"]{1,1024}) in )?file "([^"]{1,2048})"(?: \(inlined\))?, lines? (\d{1,9})(?:-\d{1,9})?, characters (\d{1,9})-\d{1,9}$/;

/**
 * "Stdlib__Map.Make.find" → module "Stdlib__Map.Make", function "find": the leading capitalised
 * segments are modules; the rest is the function, nested ones and anonymous ones included
 * ("process.loop", "run.(fun)"). A module alone is its top-level code: no function.
 */
function splitDefinition(name: string | undefined): Pick<Frame, "function" | "module"> {
  if (!name) return {};
  const segments = name.split(".");
  let modules = 0;
  while (modules < segments.length && /^[A-Z][\w']*$/.test(segments[modules])) modules++;
  const modulePath = segments.slice(0, modules).join(".");
  const fn = segments.slice(modules).join(".");
  return { ...(fn ? { function: fn } : {}), ...(modulePath ? { module: modulePath } : {}) };
}
