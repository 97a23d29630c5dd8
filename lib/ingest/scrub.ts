/**
 * Secret and card-number scrubbing, applied before an event is stored or logged
 * (seed 001 "Data Sanitization", seed 002 "Sanitize error messages for PII").
 *
 * Every pattern here must run in linear time on attacker-controlled text: no nested unbounded
 * quantifiers, and token patterns start with a lookbehind so a match can only begin at the start
 * of a run of token characters (otherwise a 1 MB run would be rescanned from every offset).
 */

import { filePathSegmentReader, isTimestampDigits } from "@/lib/ingest/cardLookalikes";

export const FILTERED = "[Filtered]";

/**
 * Levels of a structured value read (an event's context and metadata, tags, a frame); deeper
 * objects and arrays become "[Truncated]". An SDK's `extra` and `contexts` sit three levels down
 * (metadata → sentry → extra), so they keep 13 levels of their own. MAX_NODES bounds the work.
 */
const MAX_DEPTH = 16;
const MAX_NODES = 10_000;
const MAX_STRING = 262_144;

// ---------------------------------------------------------------------------------------------
// Keys

// LLM usage counters ("max_tokens", "prompt_tokens") are numbers, not secrets; keep them readable.
const USAGE_KEY = /(?:^|_)(?:max|prompt|completion|input|output|total|cached|reasoning)_tokens?(?:$|_)|^tokens?_(?:used|count|usage|limit|total)$/;
const SENSITIVE_KEY = new RegExp(
  [
    String.raw`passw(?:or)?d|passwd|passphrase|(?:^|_)pass(?:$|_)|pwd`,
    String.raw`secret`,
    String.raw`token`,
    String.raw`api_?key|access_?key|private_?key`,
    // "auth", "oauth", "authorization" but not "author" / "authority".
    String.raw`auth(?!or(?!i[sz]ation))`,
    String.raw`cookie|session|csrf|xsrf|credential`,
    // Signed URLs' signatures: Azure SAS `sig=`, S3 `X-Amz-Signature`, GCS `X-Goog-Signature`.
    String.raw`(?:^|_)sig$|^x_(?:amz|goog)_signature$`,
    String.raw`credit_?card|card_?num(?:ber)?|(?:^|_)cc_?num(?:ber)?|(?:^|_)(?:cvv2?|cvc|ssn)(?:$|_)`,
  ].join("|"),
);

const KEY_HINT = /pass|pwd|secret|token|key|auth|cookie|session|csrf|xsrf|credential|card|cc|cvv|cvc|ssn|sig/i;

/** True when a value stored under this key (object key, header name, form field) must be hidden. */
export function isSensitiveKey(key: string): boolean {
  // Cheap screen first: this runs for every key=value pair found in free text.
  if (!KEY_HINT.test(key)) return false;
  // camelCase and kebab-case both become snake_case so "apiKey", "X-Api-Key" and "api_key" agree.
  const k = key
    .slice(0, 200)
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_");
  return SENSITIVE_KEY.test(k) && !USAGE_KEY.test(k);
}

// ---------------------------------------------------------------------------------------------
// Free text

/** Luhn (mod 10) checksum. Spaces and dashes are ignored; any other non-digit makes it false. */
export function luhnValid(digits: string): boolean {
  const d = digits.replace(/[ -]/g, "");
  return d.length >= 2 && /^[0-9]+$/.test(d) && luhnSum(d) % 10 === 0;
}

// Digits only; kept regex-free because card detection calls it for many windows.
function luhnSum(d: string): number {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum;
}

const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]+ ){0,4}PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END (?:[A-Z0-9]+ ){0,4}PRIVATE KEY(?: BLOCK)?-----/g;

// Done by hand with lastIndex rather than one `BEGIN[\s\S]*?END` regex, which would rescan to the
// end of the text for every unterminated BEGIN. A block without END is hidden to the end of the
// text: a truncated key is still a key.
function scrubPem(s: string): string {
  if (!s.includes("PRIVATE KEY")) return s;
  let out = "";
  let from = 0;
  PEM_BEGIN.lastIndex = 0;
  for (let m = PEM_BEGIN.exec(s); m !== null; m = PEM_BEGIN.exec(s)) {
    out += s.slice(from, m.index) + FILTERED;
    PEM_END.lastIndex = m.index + m[0].length;
    const end = PEM_END.exec(s);
    from = end ? end.index + end[0].length : s.length;
    PEM_BEGIN.lastIndex = from;
  }
  return out + s.slice(from);
}

// scheme://user:password@host — database URLs in connection errors are the classic leak.
const URL_USERINFO = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s:\/@]{0,256}:)[^\s\/]{1,256}@/g;

// key=value, key: value, "key":"value", \"key\":\"value\" (JSON inside a string), query
// strings, and `key => value` as Ruby (`{"key"=>"value"}`, `{:key=>…}`, Ruby 3.4's `"key" => …`),
// PHP (var_export's `'key' => 'value'`, print_r's `[key] => value`) and Perl print hashes; a
// full-width colon or equals sign (`password：x`) separates too. The key is checked with
// isSensitiveKey afterwards so one list rules everything.
const KEY_VALUE = new RegExp(
  // key, starting a word or after a command-line option's dashes (`--password=…`, not kebab-case's `x-password`)
  String.raw`(?<![A-Za-z0-9_.]|[A-Za-z0-9_.]-)([A-Za-z][A-Za-z0-9_.-]{0,63})` +
    String.raw`(\\?["'\]]?[ \t]{0,3}(?:=>|[:=\uFF1A\uFF1D])[ \t]{0,3})` + // optional closing quote or bracket, separator
    String.raw`((?:[Bb]earer|BEARER|[Bb]asic|BASIC|[Dd]igest|DIGEST|[Tt]oken|TOKEN)[ \t]+)?` + // auth scheme is part of the value
    "(" +
    String.raw`\\"(?:[^"\\]|\\\\\\"|\\[^"])*\\"` + // \"escaped quoted\" (may hold \\\")
    String.raw`|"(?:[^"\\]|\\.)*"` + // "quoted"
    String.raw`|'[^'\n]*'` + // 'quoted'
    // Bare values stop at ? = : so "url=https://x/?token=abc" leaves "token=abc" to be found;
    // a sensitive bare value is then extended with BARE_TAIL.
    String.raw`|[^\s&;,"'\\?=:]+` +
    ")",
  "g",
);
const BARE_TAIL = /[^\s&;,"'\\]*/y;
const SEPARATOR_HINT = /[:=\uFF1A\uFF1D]/;

// A Cookie header holds "a=1; b=2": the bare-value rule would stop at the first ";".
const COOKIE_HEADER = /(?<![A-Za-z0-9_-])((?:set-)?cookie[ \t]{0,3}:[ \t]{0,3})[^\r\n]+/gi;

// An exec loop rather than String.replace so the scan can resume inside the value of a
// non-sensitive key ({"url":"https://x/?token=abc"}). Quotes of one kind cannot nest, so any
// character is rescanned only a bounded number of times.
function scrubKeyValues(text: string): string {
  // Both rules need a separator and a key that passes KEY_HINT (a substring of the text).
  if (!SEPARATOR_HINT.test(text) || !KEY_HINT.test(text)) return text;
  const s = text.replace(COOKIE_HEADER, `$1${FILTERED}`);
  let out = "";
  let from = 0;
  KEY_VALUE.lastIndex = 0;
  for (let m = KEY_VALUE.exec(s); m !== null; m = KEY_VALUE.exec(s)) {
    const [whole, key, sep, scheme = "", value] = m;
    const valueStart = m.index + key.length + sep.length + scheme.length;
    if (!isSensitiveKey(key) || isSourceLocation(key, sep, s, valueStart)) {
      KEY_VALUE.lastIndex = valueStart;
      continue;
    }
    let end = m.index + whole.length;
    const q = value.startsWith('\\"') ? '\\"' : value[0] === '"' || value[0] === "'" ? value[0] : "";
    if (q === "") {
      BARE_TAIL.lastIndex = end;
      end += BARE_TAIL.exec(s)?.[0].length ?? 0;
    }
    out += `${s.slice(from, m.index)}${key}${sep}${q}${FILTERED}${q}`;
    from = end;
    KEY_VALUE.lastIndex = end;
  }
  return out + s.slice(from);
}

/**
 * A stack frame's location in a source file whose name reads like a key — "session.cpp:42:10",
 * "token.js:12:5", "SessionManager.java:42)", "credentials.rb:8:in", .NET's "TokenService.cs:line 42" —
 * is a file and a line number, not a secret: hidden, the frame lost its line (and often the frame
 * itself, no longer parseable) in every trace through a file about sessions, tokens or passwords.
 */
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|py|pyx|rb|erb|go|java|kts?|scala|groovy|clj[sc]?|cs|fs|vb|c|cc|cpp|cxx|h|hh|hpp|hxx|m|mm|swift|rs|php|ex|exs|erl|hrl|dart|lua|pl|pm|hs|ml|vue|svelte|coffee|cshtml|razor|jsp|zig|nim|cr|jl|r)$/i;
const LINE_NUMBER = /(?:line )?\d{1,9}(?![A-Za-z0-9_])/y;

function isSourceLocation(key: string, sep: string, text: string, valueStart: number): boolean {
  if (sep !== ":" || !SOURCE_FILE.test(key)) return false;
  LINE_NUMBER.lastIndex = valueStart;
  return LINE_NUMBER.test(text);
}

// curl's credentials: `curl -u admin:PASS`, `--user admin:PASS`, `--proxy-user`, `-U` — the user
// is kept, the password hidden. Only in text that names curl: `-u 1000:1000` is docker's uid:gid.
const CURL_HINT = /curl/i;
const CURL_USER = /(?<![A-Za-z0-9_-])(-[uU]|--(?:proxy-)?user)([ \t]+|=)(["']?)([^\s:"']{0,256}):[^\s"']{1,256}/g;

// A query string inside a URL-encoded value (`?next=%2Flogin%3Fpassword%3Dhunter2%26a%3D1`): the
// pair starts after an encoded ? & , ; or space, or where a run starts; the value runs to the next
// encoded separator. Only sensitive keys are hidden.
const ENCODED_HINT = /%3[Dd]/;
const ENCODED_PAIR = /(?:(?<=%(?:3[Ff]|26|2[Cc]|3[Bb]|20))|(?<![A-Za-z0-9_.%-]))([A-Za-z][A-Za-z0-9_.-]{0,63})(%3[Dd])((?:[A-Za-z0-9_.~!*()+-]|%(?!26|2[Cc]|3[Bb]|20|22)[0-9A-Fa-f]{2})+)/g;

function scrubEncodedPairs(text: string): string {
  return text.replace(ENCODED_PAIR, (whole: string, key: string, sep: string) => (isSensitiveKey(key) ? `${key}${sep}${FILTERED}` : whole));
}

// An AWS secret access key (40 base64 characters) after its name where no key=value rule sees it:
// `AWS_SECRET_ACCESS_KEY wJalr…`, the AWS CLI's `AWS Secret Access Key [None]: wJalr…`. Never on
// its own: 40 base64 characters are as often a digest or an id.
const AWS_SECRET_HINT = /aws.?secret/i;
const AWS_SECRET = /(?<![A-Za-z0-9])(aws[ _.-]?secret(?:[ _.-]?access)?[ _.-]?key(?:[ \t"':=,>]|\[[^\]\n]{0,20}\]){1,20})[A-Za-z0-9+\/]{40}(?![A-Za-z0-9+\/=])/gi;

// A real token has a digit, symbol or capital somewhere; "bearer token missing" has not.
const BEARER = /(?<![A-Za-z0-9])([Bb]earer|BEARER)[ \t]+(?=[a-z]*[A-Z0-9._~+\/=-])[A-Za-z0-9._~+\/=-]{8,}/g;
const BASIC = /(?<![A-Za-z0-9])([Bb]asic|BASIC)[ \t]+(?=[a-z]*[A-Z0-9+\/=])[A-Za-z0-9+\/]{8,}={0,2}/g;

// Vendor tokens with recognisable prefixes; lookbehinds pin each match to a run start.
const TOKEN_PATTERNS: readonly RegExp[] = [
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g, // JWT
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, // AWS key id
  /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})/g, // GitHub
  /(?<![A-Za-z0-9-])xox[abposre]-[A-Za-z0-9-]{10,}/g, // Slack
  /hooks\.slack\.com\/services\/[A-Za-z0-9\/]{10,}/g, // Slack webhook URL
  /(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{8,}|(?<![A-Za-z0-9_])whsec_[A-Za-z0-9]{8,}/g, // Stripe
  /(?<![A-Za-z0-9_-])sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g, // OpenAI / Anthropic
  /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}/g, // Google API key
];

// Screens: a string none of them matches cannot match the patterns they stand for, so those
// passes are skipped — most strings of an event (breadcrumbs, contexts, frames) match none.
const AUTH_SCHEME_HINT = /bearer|basic/i;
const TOKEN_HINT = /eyJ|A(?:KIA|SIA|GPA|IDA|ROA|NPA|NVA|IPA|Iza)|gh[pousr]_|github_pat_|xox[abposre]-|hooks\.slack\.com|[sr]k_(?:live|test)_|whsec_|sk-/;
// Thirteen digits, each pair at most one space or dash apart: the least a card number needs.
const CARD_HINT = /[0-9](?:[ -]?[0-9]){12}/;

// Maximal runs of digit groups joined by single spaces or dashes; unambiguous, hence linear.
const DIGIT_RUN = /(?<![0-9])[0-9]+(?:[ -][0-9]+)*/g;

// Card networks issue from 2-6 (Mastercard 2-series, Amex/Diners/JCB, Visa, Mastercard,
// Discover/UnionPay); this keeps Luhn-valid millisecond timestamps (1…) and the like readable.
function cardEndingAt(groups: string[], i: number): number {
  const first = groups[i].charCodeAt(0);
  if (first < 50 || first > 54) return -1; // "2".."6"
  let digits = "";
  for (let j = i; j < groups.length; j++) {
    // A release directory's or log's timestamp is no part of a card number (cardLookalikes.ts).
    if (isTimestampDigits(groups[j])) return -1;
    digits += groups[j];
    if (digits.length > 19) return -1;
    if (digits.length >= 13 && luhnSum(digits) % 10 === 0) return j;
  }
  return -1;
}

// A card may sit inside a longer run ("order 1234 4111 1111 1111 1111"), so windows of whole
// groups are tried from every group; each window is at most 19 digits, so this stays linear.
function scrubCardsInRun(run: string): string {
  if (run.length < 13) return run;
  const parts = run.split(/([ -])/); // group, separator, group, ...
  const groups = parts.filter((_, k) => k % 2 === 0);
  const out: string[] = [];
  for (let i = 0; i < groups.length; ) {
    const end = cardEndingAt(groups, i);
    out.push(end >= 0 ? FILTERED : groups[i]);
    i = end >= 0 ? end + 1 : i + 1;
    if (i < groups.length) out.push(parts[2 * i - 1]);
  }
  return out.join("");
}

// A UUID of digits only (8-4-4-4-12): an identifier, whatever its checksum.
const DIGIT_UUID = /^[0-9]{8}-[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{12}$/;
const WORD_CHAR = /[A-Za-z0-9_]/;

/**
 * A run of digit groups that is part of a longer token — a letter or underscore right before or
 * after it, or a dash then a letter or digit after it (a UUID, a hex digest, a debug ID, a release
 * name): one random UUID in about 11,000 has leading groups that pass for a card number.
 */
function isInsideToken(text: string, start: number, end: number): boolean {
  if (start > 0 && WORD_CHAR.test(text[start - 1])) return true;
  if (end < text.length && WORD_CHAR.test(text[end])) return true;
  return text[end] === "-" && end + 1 < text.length && WORD_CHAR.test(text[end + 1]);
}

function scrubCardsInText(text: string): string {
  const isFilePathSegment = filePathSegmentReader(text);
  return text.replace(DIGIT_RUN, (run: string, offset: number) => {
    if (DIGIT_UUID.test(run) || isInsideToken(text, offset, offset + run.length)) return run;
    // A release directory in a path to a file (cardLookalikes.ts); short runs cannot be a card.
    return run.length >= 13 && isFilePathSegment(offset, offset + run.length) ? run : scrubCardsInRun(run);
  });
}

/**
 * Hides secrets, credentials and Luhn-valid card numbers inside free text. Idempotent. `cards:
 * false` leaves digit runs alone: a frame's file path (scrubFrame).
 */
export function scrubString(s: string, cards = true): string {
  let out = scrubPem(s);
  if (out.includes("://")) out = out.replace(URL_USERINFO, `$1${FILTERED}@`);
  out = scrubKeyValues(out);
  if (CURL_HINT.test(out)) out = out.replace(CURL_USER, `$1$2$3$4:${FILTERED}`);
  if (ENCODED_HINT.test(out)) out = scrubEncodedPairs(out);
  if (AWS_SECRET_HINT.test(out)) out = out.replace(AWS_SECRET, `$1${FILTERED}`);
  if (AUTH_SCHEME_HINT.test(out)) out = out.replace(BEARER, `$1 ${FILTERED}`).replace(BASIC, `$1 ${FILTERED}`);
  if (TOKEN_HINT.test(out)) for (const re of TOKEN_PATTERNS) out = out.replace(re, FILTERED);
  return cards && CARD_HINT.test(out) ? scrubCardsInText(out) : out;
}

// ---------------------------------------------------------------------------------------------
// Structured values

interface Walk {
  nodes: number;
  ancestors: Set<object>;
}

/**
 * Deep copy of `value` with sensitive keys filtered and every string, keys included, scrubbed. Never throws:
 * cycles become "[Circular]", anything deeper than `depth` or past the node budget becomes
 * "[Truncated]", unreadable properties become "[Unreadable]".
 */
export function scrubValue(value: unknown, depth: number = MAX_DEPTH): unknown {
  try {
    return walk(value, depth, { nodes: 0, ancestors: new Set() });
  } catch {
    return "[Unreadable]";
  }
}

const FRAME_PATH_KEYS = ["filename", "absPath", "abs_path"];

/**
 * A structured stack frame scrubbed as scrubValue does, but for its file's path (`filename`,
 * `absPath`): a path names a file, and its digit runs are directories — a release's
 * (`/var/www/releases/20261207093000/`), a build's —, never a card number. Secrets in it are still hidden.
 */
export function scrubFrame(frame: unknown): unknown {
  const scrubbed = scrubValue(frame);
  if (typeof frame !== "object" || frame === null || Array.isArray(frame) || typeof scrubbed !== "object" || scrubbed === null) return scrubbed;
  for (const key of FRAME_PATH_KEYS) {
    const path = (frame as Record<string, unknown>)[key];
    if (typeof path === "string" && key in scrubbed) (scrubbed as Record<string, unknown>)[key] = scrubString(path.length > MAX_STRING ? `${path.slice(0, MAX_STRING)}…[truncated]` : path, false);
  }
  return scrubbed;
}

function walk(value: unknown, depth: number, w: Walk): unknown {
  if (++w.nodes > MAX_NODES) return "[Truncated]";
  switch (typeof value) {
    case "string":
      return scrubString(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…[truncated]` : value);
    case "number":
      // A card number sent as a JSON number is still a card number.
      return Number.isSafeInteger(value) && value >= 1e12 && scrubString(String(value)) === FILTERED ? FILTERED : value;
    case "boolean":
    case "undefined":
      return value;
    case "bigint":
      return scrubString(value.toString());
    case "symbol":
      return value.toString();
    case "function":
      return "[Function]";
  }
  if (value === null) return null;
  const obj = value as object;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (w.ancestors.has(obj)) return "[Circular]";
  if (depth <= 0) return "[Truncated]";

  w.ancestors.add(obj);
  try {
    if (Array.isArray(obj) || obj instanceof Set) return walkArray([...obj], depth, w);
    if (obj instanceof Map) return walkEntries([...obj].map(([k, v]) => [String(k), v] as const), depth, w);
    if (obj instanceof Error) {
      return walkEntries(
        [["name", obj.name], ["message", obj.message], ["stack", obj.stack], ["cause", obj.cause], ...Object.entries(obj)],
        depth,
        w,
      );
    }
    return walkEntries(readEntries(obj), depth, w);
  } finally {
    w.ancestors.delete(obj);
  }
}

function readEntries(obj: object): [string, unknown][] {
  return Object.keys(obj).map((k) => {
    try {
      return [k, (obj as Record<string, unknown>)[k]];
    } catch {
      return [k, "[Unreadable]"];
    }
  });
}

/** The first item of a [name, value] pair: a header or field name, an option ("--password"); not free text. */
export const PAIR_KEY = /^[A-Za-z0-9_.-]{1,100}$/;

function walkArray(items: unknown[], depth: number, w: Walk): unknown[] {
  // Header lists arrive as [name, value] pairs (Sentry, Node's rawHeaders style), argv as ["--password", "…"].
  // Only a name makes a pair: ["password=hunter2", "retry"] is two strings, each scrubbed as text.
  if (items.length === 2 && typeof items[0] === "string" && PAIR_KEY.test(items[0]) && isSensitiveKey(items[0])) {
    w.nodes += 2;
    return [scrubString(items[0]), FILTERED];
  }
  const out: unknown[] = [];
  for (const item of items) {
    if (w.nodes >= MAX_NODES) {
      out.push("[Truncated]");
      break;
    }
    out.push(walk(item, depth - 1, w));
  }
  return out;
}

// defineProperty for "__proto__": a plain assignment would change the copy's prototype.
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function walkEntries(entries: readonly (readonly [string, unknown])[], depth: number, w: Walk): Record<string, unknown> {
  // HAR-style headers: { name: "Authorization", value: "..." }.
  const named = entries.find(([k]) => k === "name" || k === "key")?.[1];
  const hideValue = typeof named === "string" && isSensitiveKey(named);
  const out: Record<string, unknown> = {};
  for (const [key, v] of entries) {
    if (w.nodes >= MAX_NODES) {
      put(out, key, "[Truncated]");
      break;
    }
    // Keys are free text too (a map keyed by session token, a tag named "token=…"): scrubbed like values.
    put(out, scrubString(key), isSensitiveKey(key) || (hideValue && key === "value") ? FILTERED : walk(v, depth - 1, w));
  }
  return out;
}
