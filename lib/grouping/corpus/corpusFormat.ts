/**
 * The labelled grouping corpus (lib/grouping/__corpus__/*.txt): real-format traces of one runtime
 * per file, each event labelled with the bug it belongs to. Format:
 *
 *   ### <id> bug=<label> platform=<platform> [format=text|sentry|api]
 *   type: <exception type>          (text only)
 *   message: <message>              (text only; optional)
 *   <body: the native trace (text), a Sentry event payload (sentry) or an ingest API event (api)>
 *
 * Events with the same bug label are one issue to an engineer; different labels must never merge.
 * "# " lines before an event's header comment the events that follow.
 */
export interface CorpusEvent {
  id: string;
  bug: string;
  platform: string;
  format: "text" | "sentry" | "api";
  type: string;
  message: string;
  body: string;
  /** The corpus file (runtime) it came from. */
  runtime: string;
}

export function parseCorpus(text: string, runtime: string): CorpusEvent[] {
  const events: CorpusEvent[] = [];
  let current: CorpusEvent | null = null;
  let inBody = false;
  const bodyLines: string[] = [];
  const flush = () => {
    // A comment introducing the next events ("# …" lines at the end of a body) is not part of this one.
    while (bodyLines.length > 0 && /^(?:# |#$|\s*$)/.test(bodyLines[bodyLines.length - 1])) bodyLines.pop();
    if (current) events.push({ ...current, body: bodyLines.join("\n").replace(/\s+$/, "") });
    bodyLines.length = 0;
  };
  for (const line of text.split("\n")) {
    if (line.startsWith("### ")) {
      flush();
      const [id, ...attrs] = line.slice(4).trim().split(/\s+/);
      const kv = Object.fromEntries(attrs.map((a) => a.split("=") as [string, string]));
      if (!kv.bug || !kv.platform) throw new Error(`corpus ${runtime}: event ${id} needs bug= and platform=`);
      current = { id, bug: kv.bug, platform: kv.platform, format: (kv.format as CorpusEvent["format"]) ?? "text", type: "", message: "", body: "", runtime };
      inBody = false;
      continue;
    }
    if (!current) continue;
    if (!inBody && line.startsWith("type: ")) current.type = line.slice(6);
    else if (!inBody && line.startsWith("message: ")) current.message = line.slice(9);
    else {
      if (!inBody && line.trim() === "") continue;
      inBody = true;
      bodyLines.push(line);
    }
  }
  flush();
  return events;
}
