/** How many stack frames a logged error keeps (the throw site and its callers; Node records 10 by default). */
const MAX_FRAMES = 20;

/**
 * An unexpected error as log fields: `error`, its name and the first line of its message, and `stack`,
 * its frames (`at …` lines) only. Never the rest of the message: some libraries put the call's
 * arguments there (a Prisma validation error prints the query it was given, emails and hashes
 * included), and the stack's own first lines repeat the whole message.
 */
export function errorForLog(error: unknown): { error: string; stack?: string } {
  if (!(error instanceof Error)) return { error: String(error).split("\n")[0] };
  const summary = `${error.name}: ${error.message.split("\n")[0]}`;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
  return frames.length > 0 ? { error: summary, stack: frames.join("\n") } : { error: summary };
}
