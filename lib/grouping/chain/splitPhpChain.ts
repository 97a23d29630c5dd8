import { splitLines } from "@/lib/ingest/stacktrace/limits";
import { parsePhpExceptionHeader } from "@/lib/grouping/chain/phpExceptionHeader";
import type { TraceSection } from "@/lib/grouping/chain/TraceSection";


/**
 * PHP prints the previous (innermost) exception first and each wrapper after it as "Next …":
 *   PDOException: SQLSTATE[HY000] [2002] Connection refused in /var/www/src/Db.php:12
 *   Stack trace:
 *   #0 /var/www/src/Db.php(12): PDO->__construct('mysql:host=db', …)
 *   #1 {main}
 *
 *   Next App\DatabaseException: could not connect in /var/www/src/Db.php:15
 *   Stack trace: …
 * Returned raised (last printed) first, each earlier one the "cause" of the one printed after it.
 */
export function splitPhpChain(text: string): TraceSection[] {
  if (text.includes("[object] (")) return splitMonologChain(text);
  const chunks: { type?: string; message?: string; lines: string[] }[] = [];
  let framesBeforeHeader = false;
  for (const line of splitLines(text)) {
    const trimmed = line.trim();
    const m = trimmed.startsWith("#") ? null : parsePhpExceptionHeader(trimmed);
    // Lines before the first header without frames among them (PHP's warnings printed first) are not an exception.
    const preamble = chunks.length === 1 && chunks[0].type === undefined && !framesBeforeHeader;
    if (m && (chunks.length === 0 || preamble || trimmed.startsWith("Next "))) {
      if (preamble) chunks.pop();
      // parsePhp reads the throw site from an "Uncaught … in file:line" header.
      chunks.push({ type: m.type, message: m.message, lines: [`Uncaught ${m.type}: ${m.message} in ${m.path}:${m.lineno}`] });
      continue;
    }
    if (chunks.length === 0) chunks.push({ lines: [] });
    chunks[chunks.length - 1].lines.push(line);
    framesBeforeHeader ||= chunks.length === 1 && chunks[0].type === undefined && trimmed.startsWith("#");
  }
  if (chunks.length === 0) return [{ relation: "raised", body: "" }];
  return chunks
    .reverse()
    .map((c, i) => ({ type: c.type, message: c.message, relation: i === 0 ? "raised" : "cause", body: c.lines.join("\n") }));
}

/** Monolog's (Laravel's log) exception: "[object] (App\Exceptions\X(code: 0): message at /f.php:30)". */
const MONOLOG_HEADER = /\[object\] \(([A-Za-z_\\][\w\\]{0,255})\(code: [^()]{0,64}\): ([\s\S]*) at (\S+):(\d{1,9})\)$/;

/**
 * Monolog's normaliser (Laravel's log files) prints the raised exception first, its stack after
 * "[stacktrace]", then each previous exception after "[previous exception]"; inside the log line's
 * JSON, backslashes are doubled ("App\\Services\\Billing"). Returned in that order: raised first,
 * each later one the cause of the one before it.
 */
function splitMonologChain(raw: string): TraceSection[] {
  const text = raw.includes("\\\\") ? raw.replace(/\\\\/g, "\\") : raw;
  const chunks: { type?: string; message?: string; lines: string[] }[] = [];
  for (const line of splitLines(text)) {
    const at = line.indexOf("[object] (");
    const m = at >= 0 && line.length - at <= 8192 ? MONOLOG_HEADER.exec(line.slice(at)) : null;
    if (m) {
      // parsePhp reads the throw site from an "Uncaught … in file:line" header.
      chunks.push({ type: m[1], message: m[2], lines: [`Uncaught ${m[1]}: ${m[2]} in ${m[3]}:${m[4]}`] });
      continue;
    }
    if (chunks.length === 0) chunks.push({ lines: [] });
    chunks[chunks.length - 1].lines.push(line);
  }
  return chunks.map((c, i) => ({ type: c.type, message: c.message, relation: i === 0 ? "raised" : "cause", body: c.lines.join("\n") }));
}
