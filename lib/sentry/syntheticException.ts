/**
 * A type name as runtimes print it before an exception's message: an identifier, optionally
 * qualified by `.` (C#, Java, Python), `::` (Ruby, Rust, C++) or `\` (PHP), nested classes by `$`
 * or `+`. No spaces: "Object captured as exception with keys: …" is a sentence, not a type.
 */
const TYPE_THEN_MESSAGE = /^([A-Za-z_][\w$+]*(?:(?:\.|::|\\)[A-Za-z_][\w$+]*)*): ([\s\S]*)$/;
const MAX_TYPE = 256;

/**
 * The exception an SDK's synthetic stand-in (`mechanism.synthetic`: an exception the SDK made up
 * around a log line) names in its value, as `Type: message`: sentry-unity on WebGL captures
 * Unity's exception log through `Application.logMessageReceived` as a "LogException" whose value
 * is the log line, "NullReferenceException: Object reference not set to an instance of an object".
 * The real type titles the issue and keys it: two exceptions of one method are two bugs, not one
 * "LogException". Undefined when the value names no type.
 */
export function exceptionNamedBy(value: string | undefined): { type: string; message: string } | undefined {
  const match = value === undefined ? null : TYPE_THEN_MESSAGE.exec(value.trim());
  if (!match || match[1].length > MAX_TYPE) return undefined;
  return { type: match[1], message: match[2] };
}
