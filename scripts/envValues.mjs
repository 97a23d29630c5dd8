// Environment variables read outside lib/env.ts's schema — by the start scripts (npm start, the
// container's start, the server, the admin CLI) and by the logger — by the same rules as that schema:
// a value is trimmed, an empty or blank one counts as unset, and a bad one is an error naming the
// variable (the start scripts print it as their one sentence). Plain ESM: the .mjs scripts import it
// as they are; the TypeScript sources through envValues.d.mts.

/** What a flag takes (any case): on, or off. */
const ON = /^(1|true|yes|on)$/i;
const OFF = /^(0|false|no|off)$/i;

export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

/** The variable trimmed; undefined when unset, empty or blank. */
export function envText(source, name) {
  const value = source[name]?.trim();
  return value ? value : undefined;
}

export const FLAG_VALUES = "1, true, yes or on, or 0, false, no or off";

/** A switch's value: true for 1/true/yes/on, false for 0/false/no/off (any case), null for anything else. */
export function flagValue(text) {
  if (ON.test(text)) return true;
  if (OFF.test(text)) return false;
  return null;
}

/** A switch: 1/true/yes/on or 0/false/no/off (any case); `fallback` when unset. */
export function envFlag(source, name, fallback = false) {
  const value = envText(source, name);
  if (value === undefined) return fallback;
  const on = flagValue(value);
  if (on === null) throw new Error(`${name} must be ${FLAG_VALUES}, got "${value}"`);
  return on;
}

/** A whole number from `min` to `max`; `fallback` when unset. */
export function envInteger(source, name, { fallback, min, max }) {
  const value = envText(source, name);
  if (value === undefined) return fallback;
  const number = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

/** A decimal number from `min` to `max` (`0.05`, `512`); `fallback` when unset. */
export function envNumber(source, name, { fallback, min, max }) {
  const value = envText(source, name);
  if (value === undefined) return fallback;
  const number = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number) || number < min || number > max) {
    throw new Error(`${name} must be a number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

/** A TCP port (1–65535); `fallback` when unset. */
export function envPort(source, name, fallback) {
  return envInteger(source, name, { fallback, min: 1, max: 65_535 });
}

/**
 * Where this instance is reached, for the links it hands out (invitation and reset links, the start
 * banner, the admin CLI's): PUBLIC_URL, else the HOST and PORT it listens on (a wildcard address as
 * 127.0.0.1) — never a request's Host header, which whoever sends the request chooses.
 */
export function instanceUrl(source) {
  const configured = envText(source, "PUBLIC_URL");
  if (configured) return configured;
  const host = envText(source, "HOST") ?? "127.0.0.1";
  const reachable = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return `http://${reachable}:${envPort(source, "PORT", 3000)}`;
}

/** LOG_LEVEL (any case), else debug when FAULTLINE_DEBUG is on, else info. */
export function envLogLevel(source) {
  const level = envText(source, "LOG_LEVEL")?.toLowerCase();
  if (level === undefined) return envFlag(source, "FAULTLINE_DEBUG") ? "debug" : "info";
  if (!LOG_LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${source.LOG_LEVEL.trim()}"`);
  return level;
}
