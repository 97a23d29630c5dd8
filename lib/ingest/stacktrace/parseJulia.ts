import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields, splitLocation } from "@/lib/ingest/stacktrace/location";

/**
 * Julia stack traces (an uncaught error, `showerror` with a backtrace, a logged `exception=`),
 * innermost first ([1] is where it was thrown). Julia 1.6+ prints the location under each frame,
 * with the frame's module unless it was inlined:
 *   ERROR: LoadError: BoundsError: attempt to access 3-element Vector{Int64} at index [10]
 *   Stacktrace:
 *    [1] getindex
 *      @ ./essentials.jl:13 [inlined]
 *    [2] handler(v::Vector{Int64})
 *      @ Main /home/dev/app/main.jl:5
 *    [3] top-level scope
 *      @ /home/dev/app/main.jl:10
 *   in expression starting at /home/dev/app/main.jl:10
 * Julia before 1.6 prints one line a frame: " [2] handler(::Array{Int64,1}) at /home/dev/app/main.jl:5".
 * The function is kept as printed, argument types included (grouping drops them); "(repeats 79984
 * times)" after a recursive frame is left out. Only the first trace is read: "caused by: …" opens
 * the trace of the exception being handled when this one was thrown.
 */
export function parseJulia(text: string): Frame[] | null {
  const frames: Frame[] = [];
  let pending: { name: string } | null = null;
  for (const raw of splitLines(text)) {
    const line = withoutLogMargin(raw.trim());
    if (frames.length > 0 && (line.startsWith("caused by: ") || line === "Stacktrace:")) break;
    if (pending && line.startsWith("@ ")) {
      const at = parseAtLine(line.slice(2));
      if (at) frames.push({ function: pending.name, ...at });
      pending = null;
    } else {
      pending = null;
      const item = NUMBERED.exec(line);
      if (item) {
        const old = parseOneLine(item[1]);
        if (old) frames.push(old);
        else pending = { name: withoutMarks(item[1]) };
      }
    }
    if (frames.length >= MAX_FRAMES) break;
  }
  return innermostFirstToOrdered(frames);
}

/** " [12] name…": the frame's number, then what it ran. */
const NUMBERED = /^\[\d{1,6}\] (\S.{0,2047})$/;
/** A module as Julia prints it before a location: "Main", "Base", "Base.Iterators", "HTTP.Handlers". */
const MODULE = /^[A-Za-z_][\w!]{0,127}(?:\.[A-Za-z_][\w!]{0,127}){0,16}$/;

/** Julia files, the runtime's C sources, the REPL's and Jupyter's inputs ("REPL[3]", "In[7]"), `julia -e` code ("none"). */
const JULIA_SOURCE = /(?:\.(?:jl|c|h|cpp)|(?:^|\/)(?:REPL|In)\[\d{1,9}\]|^none|^string)$/;

/** Julia's logging macros draw a box in front of a logged exception: "│    [1] f", "└ @ Main x.jl:3". */
function withoutLogMargin(line: string): string {
  return line.startsWith("│") ? line.slice(1).trim() : line;
}

/** A frame's trailing marks, in either order: " [inlined]" (its location's) and " (repeats 79984 times)" (recursion). */
function withoutMarks(text: string): string {
  return text.replace(/ \(repeats \d{1,12} times\)$/, "").replace(/ \[inlined\]$/, "").replace(/ \(repeats \d{1,12} times\)$/, "");
}

/**
 * What follows "@ " under a frame: "Main /home/dev/app/main.jl:5", "./essentials.jl:13 [inlined]",
 * "Base ./array.jl:924", "REPL[3]:1", "~/.julia/packages/HTTP/sJD5V/src/Servers.jl:450".
 */
function parseAtLine(text: string): Pick<Frame, "module" | "filename" | "absPath" | "lineno"> | null {
  const where = withoutMarks(text);
  const space = where.indexOf(" ");
  const owner = space > 0 && MODULE.test(where.slice(0, space)) ? where.slice(0, space) : "";
  const location = splitLocation(owner ? where.slice(space + 1) : where, false);
  if (!location?.path || location.colno !== undefined || !JULIA_SOURCE.test(location.path)) return null;
  return { ...(owner ? { module: owner } : {}), ...pathFields(location.path), lineno: location.lineno };
}

/** Julia before 1.6: "handler(::Array{Int64,1}) at /home/dev/app/main.jl:5", "getindex at ./array.jl:809 [inlined]". */
function parseOneLine(text: string): Frame | null {
  const body = withoutMarks(text);
  const at = body.lastIndexOf(" at ");
  if (at <= 0) return null;
  const location = splitLocation(body.slice(at + 4), false);
  if (!location?.path || location.colno !== undefined || /\s/.test(location.path) || !JULIA_SOURCE.test(location.path)) return null;
  return { function: body.slice(0, at), ...pathFields(location.path), lineno: location.lineno };
}
