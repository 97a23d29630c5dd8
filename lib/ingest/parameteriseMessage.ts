/**
 * Replaces the variable parts of an error message (ids, addresses, times, quoted values,
 * numbers) with placeholders so that "User 42 not found" and "User 97 not found" group
 * together when there is no stack to group on.
 *
 * Order matters: composite tokens (URLs, emails, UUIDs, timestamps, IPs) go first so
 * their digits aren't turned into <num> piecemeal. Every pattern is linear-time: no
 * nested or overlapping quantifiers, and "runs" are anchored with lookbehinds so a
 * failed match is not retried from every character inside the same run.
 */
const RULES: Array<[RegExp, string | ((m: string) => string)]> = [
  [/\b[A-Za-z][A-Za-z0-9+.-]{1,15}:\/\/[^\s"'`<>()[\]{}]+/g, "<url>"],
  [/(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g, "<email>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>"],
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?/g, "<timestamp>"],
  [/\b\d{4}-\d{2}-\d{2}\b/g, "<date>"],
  [/(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi, (m) => (isIpv6(m) ? "<ip>" : m)],
  // Not part of a longer dotted version ("1.2.3.4.5"), but may end a sentence ("... 10.0.0.1.").
  [/(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)/g, "<ip>"],
  [/\b0x[0-9a-f]+\b/gi, "<hex>"],
  // A JVM object's identity hash after its class ("SupervisorJobImpl{Cancelling}@b7d43f1",
  // "HikariPool@1a2b3c"): Integer.toHexString of the hash, fewer than 8 digits for one in 8.
  [/(?<=[\w$}\])])@[0-9a-f]{5,8}(?![\w.@])/gi, "@<hex>"],
  // PostgreSQL's DETAIL of a unique or foreign key violation names the key's columns (kept) and the
  // offending values: "Key (username)=(alice) already exists.", "Key (user_id)=(42) is not present in table".
  // Values without parentheses: the scan stops at the first one, so crafted repeats stay linear.
  [/\bKey \([^()\n]{1,512}\)=\([^()\n]{0,2048}\)(?= (?:already exists|is not present|conflicts with))/g, (m) => `${m.slice(0, m.indexOf(")=(") + 3)}<value>)`],
  // ≥ 8 hex chars with a digit and a letter; all-digit runs are left for <num> so that
  // numeric ids group the same whatever their length.
  [/\b[0-9a-f]{8,}\b/gi, (m) => (/\d/.test(m) && /[a-f]/i.test(m) ? "<hex>" : m)],
  // Quotes must not be apostrophes inside words ("can't", "user's").
  [/(?<!\w)'[^'\n]*'(?!\w)/g, "<str>"],
  [/(?<!\w)"[^"\n]*"(?!\w)/g, "<str>"],
  [/`[^`\n]*`/g, "<str>"],
  [/\d+(?:\.\d+)?/g, "<num>"],
];

export function parameteriseMessage(message: string): string {
  let out = typeof message === "string" ? message.slice(0, 8192) : "";
  for (const [pattern, replacement] of RULES) {
    out = out.replace(pattern, typeof replacement === "string" ? () => replacement : replacement);
  }
  return out.trim();
}

/** Rejects "12:34:56" (a time) and "a:b:c" (words); accepts "::1", "fe80::1", full 8-group forms. */
function isIpv6(candidate: string): boolean {
  const colons = candidate.split(":").length - 1;
  if (!candidate.includes("::") && colons !== 7) return false;
  return /\d/.test(candidate) && /[0-9a-f]/i.test(candidate.replace(/:/g, ""));
}
