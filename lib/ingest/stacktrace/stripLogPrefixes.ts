import { splitLines } from "@/lib/ingest/stacktrace/limits";

/**
 * Per-line prefixes a log pipeline puts before every line of a trace. Each is anchored and linear:
 * no nested quantifiers on attacker-controlled text.
 */
const LOG_PREFIXES: RegExp[] = [
  // adb logcat -v threadtime: "12-04 05:12:33.123  4321  4321 E AndroidRuntime: "
  /^\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\s{1,8}\d{1,10}\s{1,8}\d{1,10} [VDIWEF] [^:\n]{0,128}: ?/,
  // Android Studio's logcat: "2026-12-04 05:12:33.123  4321-4321  AndroidRuntime  com.shop.app  E  "
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\s{1,64}\d{1,10}-\d{1,10}\s{1,64}\S{1,128}\s{1,64}\S{1,256}\s{1,64}[VDIWEF] {1,8}/,
  // adb logcat -v brief / process: "E/AndroidRuntime( 4321): ", "E/AndroidRuntime: "
  /^[VDIWEF]\/[^(:\n]{1,128}(?:\(\s{0,8}\d{1,10}\))?: ?/,
  // Kubernetes (CRI) container logs: "2026-12-04T05:12:33.123456789Z stderr F "
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d) (?:stdout|stderr) [FP] /,
  // docker compose: "web-1  | " (one space after the bar, so Python's indentation survives)
  /^[\w.-]{1,64}\s{1,32}\| ?/,
  // syslog / journalctl: "Mar 12 10:15:42 api-01 shop-api[2143]: " (-o short-precise: "10:15:42.123456")
  /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d{1,9})? \S{1,255} [^\s:[\]]{1,128}(?:\[\d{1,10}\])?: /,
  // journalctl -o short-iso: "2026-03-12T10:15:42+0000 api-01 shop-api[2143]: "; Heroku: "2026-03-12T10:15:42.123456+00:00 app[web.1]: "
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d) (?:\S{1,255} )?[^\s:[\]]{1,128}\[[^\]\s]{1,64}\]: /,
  // kubectl logs --timestamps, docker logs -t: "2026-03-12T10:15:42.123456789Z " (one space: the trace's own indentation stays)
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d) /,
  // kubectl logs --prefix: "[pod/api-7d9c7b6f4-x2x9q/api] "
  /^\[pod\/[^\]\s]{1,512}\] /,
];

/**
 * Prefixes specific enough to strip from whichever lines carry them, for loggers that prefix only a
 * message's first line: Sidekiq logs the error, then the backtrace as one message whose first line
 * alone has "2026-12-04T05:12:33.123Z pid=12 tid=2ix class=MailerJob jid=… WARN: ".
 */
const LINE_PREFIXES: RegExp[] = [
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z pid=\d{1,10} tid=\w{1,32}(?: [\w.-]{1,64}=\S{0,256}){0,16} (?:DEBUG|INFO|WARN|ERROR|FATAL): /,
  // PHP's error_log: "[04-Dec-2026 05:12:33 UTC] " before each message, whose further lines (an uncaught
  // exception's "Stack trace:") have none; Xdebug logs each line of its stack as a message of its own.
  /^\[\d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d(?: [A-Za-z][\w/+-]{0,63})?\] (?=PHP )/,
];

/** Terminal colours (CSI sequences): Python 3.13's coloured tracebacks, test runners and compose in a terminal. */
const ANSI_ESCAPE = /\x1b\[[0-9;?]{0,32}[ -/]{0,4}[@-~]/g;

/**
 * A trace copied from a log (adb logcat, Android Studio, Kubernetes container logs, kubectl/docker
 * logs with timestamps or pod prefixes, docker compose, syslog/journald, Heroku) carries the log's prefix on every line: removed when one prefix starts every
 * non-empty line, so the trace parses as the runtime printed it; a Sidekiq or PHP error_log prefix wherever it is.
 * Terminal colour codes are removed first. Anything else is returned as it is.
 */
export function stripLogPrefixes(raw: string): string {
  const text = raw.includes("\x1b[") ? raw.replace(ANSI_ESCAPE, "") : raw;
  if (text.length === 0) return text;
  const lines = splitLines(text);
  const nonEmpty = lines.filter((line) => line.trim() !== "");
  if (nonEmpty.length < 2) return text;
  const prefix = LOG_PREFIXES.find((pattern) => nonEmpty.every((line) => pattern.test(line)));
  if (prefix) return lines.map((line) => line.replace(prefix, "")).join("\n");
  const linePrefix = LINE_PREFIXES.find((pattern) => nonEmpty.some((line) => pattern.test(line)));
  return linePrefix ? lines.map((line) => line.replace(linePrefix, "")).join("\n") : text;
}
