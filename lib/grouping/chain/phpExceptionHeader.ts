/**
 * PHP's header for an uncaught exception and each "Next" one: "PHP Fatal error:  Uncaught Type: msg in
 * /f.php:12", "Type: msg in /f.php:12", "Next Type: msg in /f.php:12". The location is the last " in "
 * — a message may hold " in " itself ("User not found in database", MySQL's "Unknown column 'x' in
 * 'where clause'", a TypeError's "…, called in /app/index.php on line 5").
 */
export interface PhpExceptionHeader {
  type: string;
  message: string;
  path: string;
  lineno: string;
}

const START = /^(?:PHP Fatal error:\s+Uncaught |Fatal error: Uncaught |Next )?([A-Za-z_\\][\w\\]{0,255})(?=:| in )/;
const LINE_NUMBER = /:(\d{1,9})$/;
/**
 * Exception::__toString adds " and defined" to a TypeError's or ArgumentCountError's message that
 * says where the function was called ("…, called in /app/index.php on line 5 and defined in
 * /app/src/Calc.php:7"): not part of the message the exception holds.
 */
const AND_DEFINED = /(, called in .{1,4096} on line \d{1,9}) and defined$/;

export function parsePhpExceptionHeader(line: string): PhpExceptionHeader | null {
  const start = START.exec(line);
  const end = start ? LINE_NUMBER.exec(line) : null;
  if (!start || !end || end.index < start[0].length) return null;
  const rest = line.slice(start[0].length, end.index);
  const inAt = rest.lastIndexOf(" in ");
  const path = inAt < 0 ? "" : rest.slice(inAt + 4);
  if (!path || /^\s/.test(path)) return null;
  if (inAt > 0 && !rest.startsWith(":")) return null;
  const message = inAt === 0 ? "" : rest.slice(1, inAt).replace(/^ /, "");
  return { type: start[1], message: message.replace(AND_DEFINED, "$1"), path, lineno: end[1] };
}
