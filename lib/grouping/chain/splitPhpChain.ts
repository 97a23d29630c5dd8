import { splitLines } from "@/lib/ingest/stacktrace/limits";
import type { TraceSection } from "@/lib/grouping/chain/TraceSection";

/** "PHP Fatal error:  Uncaught Type: msg in /f.php:12", "Type: msg in /f.php:12", "Next Type: msg in /f.php:12". */
const HEADER = /^(?:PHP Fatal error:\s+Uncaught |Fatal error: Uncaught |Next )?([A-Za-z_\\][\w\\]*)(?:: ([\s\S]*?))? in (\S.*):(\d+)$/;

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
  const chunks: { type?: string; message?: string; lines: string[] }[] = [];
  for (const line of splitLines(text)) {
    const trimmed = line.trim();
    const m = trimmed.startsWith("#") ? null : HEADER.exec(trimmed);
    if (m && (chunks.length === 0 || trimmed.startsWith("Next "))) {
      // parsePhp reads the throw site from an "Uncaught … in file:line" header.
      chunks.push({ type: m[1], message: m[2] ?? "", lines: [`Uncaught ${m[1]}: ${m[2] ?? ""} in ${m[3]}:${m[4]}`] });
      continue;
    }
    if (chunks.length === 0) chunks.push({ lines: [] });
    chunks[chunks.length - 1].lines.push(line);
  }
  if (chunks.length === 0) return [{ relation: "raised", body: "" }];
  return chunks
    .reverse()
    .map((c, i) => ({ type: c.type, message: c.message, relation: i === 0 ? "raised" : "cause", body: c.lines.join("\n") }));
}
