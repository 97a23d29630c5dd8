import { splitLines } from "@/lib/ingest/stacktrace/limits";
import { FRAME_START, isUnityFrameLine } from "@/lib/ingest/stacktrace/parseDotnet";
import { splitTypeAndMessage, type TraceSection } from "@/lib/grouping/chain/TraceSection";

const INNER_END = "--- End of inner exception stack trace ---";

/**
 * .NET Exception.ToString(): the outer exception's header, each inner exception's header after
 * " ---> " (on one line in .NET Framework, one per line since .NET Core 3), then the frames of the
 * innermost exception first, each "--- End of inner exception stack trace ---" handing over to the
 * next outer one:
 *   System.InvalidOperationException: Order 12 cannot ship
 *    ---> System.Collections.Generic.KeyNotFoundException: The given key '12' was not present.
 *      at …Dictionary`2.get_Item(TKey key)
 *      --- End of inner exception stack trace ---
 *      at Acme.Orders.OrderService.Ship(Int32 id) in C:\src\OrderService.cs:line 42
 * Returned outermost (raised) first, each inner exception the "cause" of the one before it.
 * AggregateException's trailing "---> (Inner Exception #n)" listings add the inner exceptions not
 * printed above (.NET Core prints only the first there), each once.
 * Socket and Win32 exceptions print their error code after the type: "SocketException (111): …".
 */
export function splitDotnetChain(text: string): TraceSection[] {
  const lines = splitLines(text);
  // Unity's log frames have no "at" ("Player.Update () (at Assets/Scripts/Player.cs:42)").
  const unity = text.includes(") (at ");
  const firstFrame = lines.findIndex((l) => FRAME_START.test(l.trim()) || (unity && isUnityFrameLine(l.trim())));
  const headerText = (firstFrame < 0 ? lines : lines.slice(0, firstFrame)).join("\n");
  const headers = headerText.split(/\s*--->\s*/).map((h) => h.trim()).filter((h, i) => i === 0 || h !== "");
  const bodies: string[][] = headers.map(() => []);
  // AggregateException's listing: "---> (Inner Exception #1) Type: message", its frames, "<---".
  const listed: { header: string; body: string[] }[] = [];
  let level = headers.length - 1;
  for (const line of firstFrame < 0 ? [] : lines.slice(firstFrame)) {
    const trimmed = line.trim();
    const member = INNER_LISTED.exec(trimmed);
    if (member) {
      listed.push({ header: member[1], body: [] });
      continue;
    }
    if (listed.length > 0) {
      listed[listed.length - 1].body.push(line.replace(/<---\s*$/, ""));
      continue;
    }
    if (trimmed.startsWith(INNER_END)) {
      level = Math.max(0, level - 1);
      continue;
    }
    bodies[level].push(line);
  }
  const sections: TraceSection[] = headers.map((header, i) => ({ ...typeAndMessage(header), relation: i === 0 ? "raised" : "cause", body: bodies[i].join("\n") }));
  // An AggregateException's inner exception is the first of its InnerExceptions, a member like the listed ones.
  if (sections.length > 1 && /(?:^|\.)AggregateException$/.test(sections[0].type ?? "")) sections[1].relation = "member";
  // .NET Framework lists every inner exception again, .NET Core the ones after the first: each once.
  const seen = new Set(sections.map((section) => `${section.type}: ${section.message}`));
  for (const { header, body } of listed) {
    const section: TraceSection = { ...typeAndMessage(header), relation: "member", body: body.join("\n") };
    const key = `${section.type}: ${section.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sections.push(section);
  }
  return sections;
}

const INNER_LISTED = /^---> \(Inner Exception #\d{1,6}\) (.*)$/;

const DOTNET_TYPE = /^((?:[A-Za-z_][\w`]*\.)*[A-Za-z_][\w`]*)(?: \((?:0x[0-9A-Fa-f]{1,16}|-?\d{1,12})\))?(?::\s?([\s\S]*))?$/;
/** What the runtime prints before an unhandled exception's header on the console. */
const UNHANDLED = /^Unhandled [Ee]xception\.\s+/;

/**
 * "Type: message"; an error code after the type ("SocketException (111):", "Win32Exception (0x80004005):")
 * is not part of it. Lines a logger prints before the exception (ASP.NET Core's "fail: Category[1]" and
 * its message) are skipped: the header starts at the first line naming an exception type.
 */
function typeAndMessage(header: string): Pick<TraceSection, "type" | "message"> {
  const lines = header.split("\n").map((line) => line.trim().replace(UNHANDLED, ""));
  for (let i = 0; i < lines.length; i++) {
    const parsed = lines[i].includes(":") || i === lines.length - 1 ? splitTypeAndMessage(lines[i], DOTNET_TYPE) : undefined;
    if (parsed && (parsed.type.includes(".") || /(?:Exception|Error)$/.test(parsed.type))) {
      return { type: parsed.type, message: [parsed.message, ...lines.slice(i + 1)].join("\n").trim() };
    }
  }
  return splitTypeAndMessage(lines.join("\n"), DOTNET_TYPE) ?? {};
}
