import { isDigits } from "@/lib/ingest/stacktrace/location";

/**
 * PHP's own line for an error that is not an uncaught exception, as the error log and the CLI print it:
 *   PHP Warning:  Undefined variable $total in /var/www/src/Cart.php on line 31
 *   Fatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/src/Export.php on line 88
 * Uncaught exceptions are PHP's own "… in /x.php:42" (parsePhp.ts).
 */
export interface PhpErrorLine {
  /** "Warning", "Fatal error", "Deprecated"… */
  level: string;
  message: string;
  path: string;
  lineno: number;
}

const LEVEL = /^(?:PHP )?(Fatal error|Warning|Notice|Deprecated|Parse error|Recoverable fatal error|Catchable fatal error|Strict Standards|User (?:Error|Warning|Notice|Deprecated)):\s+/;

/**
 * The error line's parts; null for any other line. Xdebug prints an uncaught exception this way too
 * ("Fatal error: Uncaught RuntimeException: declined in /x.php on line 58"; PHP itself ends it ":58").
 */
export function parsePhpErrorLine(line: string): PhpErrorLine | null {
  const level = LEVEL.exec(line);
  if (!level) return null;
  const onLine = line.lastIndexOf(" on line ");
  const inAt = onLine > 0 ? line.lastIndexOf(" in ", onLine) : -1;
  const lineno = line.slice(onLine + 9);
  if (inAt < level[0].length - 1 || !isDigits(lineno)) return null;
  const path = line.slice(inAt + 4, onLine);
  if (!path) return null;
  return { level: level[1], message: line.slice(level[0].length, inAt).trim(), path, lineno: Number(lineno) };
}
