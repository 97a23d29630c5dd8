import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { envLogLevel } from "@/scripts/envValues.mjs";

/**
 * Structured one-line JSON logs (pino): info and below on stdout, warn and above on stderr. Every line written while a request is handled
 * carries its `reqId` (see lib/http/requestLog.ts). Level from LOG_LEVEL (trace, debug, info, warn,
 * error, fatal, silent; default info; FAULTLINE_DEBUG=1 still means debug: logLevel).
 *
 * Callers pass metadata, never raw payloads: event bodies are not logged anywhere (they may hold
 * secrets or PII even after scrubbing). As a second line of defence, credential-bearing fields are
 * redacted wherever they appear.
 */
type Meta = Record<string, unknown>;

export interface RequestLogContext {
  reqId: string;
}

const globalForLogger = globalThis as unknown as { faultlineLogger?: pino.Logger; faultlineRequestContext?: AsyncLocalStorage<RequestLogContext> };

/** The request being handled (set by runLogged), for the `reqId` of every line logged inside it. */
export function requestContext(): AsyncLocalStorage<RequestLogContext> {
  globalForLogger.faultlineRequestContext ??= new AsyncLocalStorage<RequestLogContext>();
  return globalForLogger.faultlineRequestContext;
}

/**
 * LOG_LEVEL (any case), else debug when FAULTLINE_DEBUG is on (1/true/yes/on), else info — the
 * rule lib/env.ts checks at start-up, where a bad value stops the server; here (any process, before
 * or without that check) a bad value is info.
 */
export function logLevel(source: Record<string, string | undefined> = process.env): string {
  try {
    return envLogLevel(source);
  } catch {
    return "info";
  }
}

function base(): pino.Logger {
  globalForLogger.faultlineLogger ??= buildLogger();
  return globalForLogger.faultlineLogger;
}

/** The pino instance (exported for tests, which pass a destination to read what is written). */
export function buildLogger(destination?: pino.DestinationStream, level = logLevel()): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    messageKey: "msg",
    mixin: () => {
      const ctx = requestContext().getStore();
      return ctx ? { reqId: ctx.reqId } : {};
    },
    redact: {
      paths: ["password", "token", "authorization", "cookie", "secret", "secrets", "*.password", "*.token", "*.authorization", "*.cookie", "*.secret", "*.secrets", "headers.*"],
      censor: "[redacted]",
    },
  };
  // Warnings and errors on stderr, the rest on stdout (as before pino); each line goes to one of them.
  const streams = pino.multistream(
    [
      { level: "trace", stream: process.stdout },
      { level: "warn", stream: process.stderr },
    ],
    { dedupe: true },
  );
  return pino(options, destination ?? streams);
}

/** Errors become `{type, message, stack, code}` under `error`; other metadata is logged as given. */
function normalise(meta: Meta | undefined): Meta | undefined {
  if (!meta) return meta;
  const error = meta.error ?? meta.err;
  if (!(error instanceof Error)) return meta;
  const rest = { ...meta };
  delete rest.error;
  delete rest.err;
  return { ...rest, error: serialiseError(error) };
}

export function serialiseError(error: Error): Meta {
  const code = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, stack: error.stack, ...(code !== undefined && { code }) };
}

type Level = "debug" | "info" | "warn" | "error" | "fatal";

/** Writes one line through `logger` (the process's own unless given): errors serialised with their stack. */
export function writeLog(level: Level, msg: string, meta?: Meta, logger: pino.Logger = base()): void {
  if (!logger.isLevelEnabled(level)) return;
  const fields = normalise(meta);
  if (fields) logger[level](fields, msg);
  else logger[level](msg);
}

const write = (level: Level) => (msg: string, meta?: Meta) => writeLog(level, msg, meta);

export const logger = {
  /** Whether a line at `level` would be written (to skip building one that would not). */
  enabled: (level: Level) => base().isLevelEnabled(level),
  debug: write("debug"),
  info: write("info"),
  warn: write("warn"),
  error: write("error"),
  fatal: write("fatal"),
  /** Flushes buffered lines (shutdown). */
  flush: () => base().flush(),
};
