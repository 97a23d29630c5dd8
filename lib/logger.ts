/**
 * Structured one-line JSON logs. Callers pass metadata, never raw payloads: event bodies are not
 * logged anywhere (they may hold secrets or PII even after scrubbing).
 */
type Level = "debug" | "info" | "warn" | "error";

function write(level: Level, msg: string, meta?: Record<string, unknown>) {
  if (level === "debug" && !process.env.FAULTLINE_DEBUG) return;
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...meta });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export const logger = {
  debug: (msg: string, meta?: Record<string, unknown>) => write("debug", msg, meta),
  info: (msg: string, meta?: Record<string, unknown>) => write("info", msg, meta),
  warn: (msg: string, meta?: Record<string, unknown>) => write("warn", msg, meta),
  error: (msg: string, meta?: Record<string, unknown>) => write("error", msg, meta),
};
