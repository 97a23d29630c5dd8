import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";

/**
 * JVM (Java, Kotlin, Scala) stack traces, innermost first:
 *   java.lang.IllegalStateException: boom
 *   	at com.example.app.Service.process(Service.java:42)
 *   	at java.base/java.util.ArrayList.forEach(ArrayList.java:1511)
 *   	... 3 more
 *   Caused by: java.io.IOException: disk full
 *   	at ...
 * Only the first exception's frames are used: it is the one that was thrown to the top
 * and whose type the event reports, and it is the only section printed in full ("Caused
 * by:"/"Suppressed:" sections elide shared frames as "... N more").
 */
export function parseJava(text: string): Frame[] | null {
  const frames: Frame[] = [];
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    if (line.startsWith("Caused by:") || line.startsWith("Suppressed:")) {
      if (frames.length > 0) break;
      continue; // a trace that starts mid-way still yields the first section it has
    }
    if (!line.startsWith("at ")) continue; // header, "... N more", blank lines
    const frame = parseFrameLine(line.slice(3).trim());
    if (frame) frames.push(frame);
    if (frames.length >= MAX_FRAMES) break; // innermost come first; the rest would be dropped
  }
  return innermostFirstToOrdered(frames);
}

/** "(File.java:42)", "(File.kt)", "(Native Method)", "(Unknown Source)", "(Unknown Source:12)". */
const LOCATION = /^(?:([^\s():]+)|Native Method|Unknown Source)(?::(\d{1,9}))?$/;
/** A JVM qualified method name: no spaces or parentheses. */
const QUALIFIED = /^[^\s()]+$/;

const PACKAGING_DATA = /\s{1,8}~?\[[^[\]\n]{0,512}\]$/;

function parseFrameLine(line: string): Frame | null {
  // Logback's and Log4j2's packaging data after the frame: " ~[spring-web-6.1.4.jar:6.1.4]", " [?:?]".
  const rest = line.replace(PACKAGING_DATA, "");
  const open = rest.indexOf("(");
  if (open <= 0 || !rest.endsWith(")")) return null;
  let qualified = rest.slice(0, open);
  const loc = rest.slice(open + 1, -1);
  if (!QUALIFIED.test(qualified)) return null;
  const m = LOCATION.exec(loc);
  if (!m) return null;
  // A file without a line is a source file ("Foo.java", "Main.kt", ProGuard's "SourceFile"), not a
  // .NET parameter type ("System.String" in a Windows event log's "at Acme.Config.Load(System.String)").
  if (m[1] && !m[2] && m[1] !== "SourceFile" && m[1] !== "<generated>" && !/\.[a-z][a-z0-9]{0,5}$/.test(m[1])) return null;

  qualified = stripModulePrefix(qualified);
  const dot = qualified.lastIndexOf(".");
  const frame: Frame =
    dot > 0 ? { module: qualified.slice(0, dot), function: qualified.slice(dot + 1) } : { function: qualified };
  if (m[1]) frame.filename = m[1];
  if (m[2]) frame.lineno = Number(m[2]);
  return frame;
}

/**
 * Drops a JPMS module / class-loader prefix ("java.base@17/java.util.X.y", "app//com.x.Y.z")
 * but not the "/0x..." suffix of hidden lambda classes ("Foo$$Lambda$14/0x0800.accept").
 */
function stripModulePrefix(qualified: string): string {
  const slash = qualified.indexOf("/");
  if (slash < 0) return qualified;
  const dollar = qualified.indexOf("$");
  if (dollar >= 0 && dollar < slash) return qualified;
  const rest = qualified.slice(slash + 1);
  return rest.startsWith("/") ? rest.slice(1) : rest;
}
