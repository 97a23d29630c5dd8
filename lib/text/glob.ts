/**
 * Glob patterns (assignment rules, inbound filters), matched against the WHOLE value, case-insensitively:
 * `*` any run of characters, `?` one character, everything else literal. In path mode `*` and `?`
 * stay within one directory, `**` crosses directories, and a pattern that does not start with "/"
 * or "*" may match from any directory (so `src/billing/**` matches `/srv/app/src/billing/x.ts`).
 *
 * Matching is a dynamic programme over pattern × text (no regular expressions), so no pattern can
 * make it backtrack exponentially; values are considered up to MAX_TEXT characters.
 */
const MAX_TEXT = 4096;

type Token = { kind: "char"; c: string } | { kind: "one" } | { kind: "star" } | { kind: "globstar" };

function tokenize(pattern: string, path: boolean): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      const globstar = path && pattern[i + 1] === "*";
      if (globstar) i++;
      while (pattern[i + 1] === "*") i++;
      const kind = globstar ? "globstar" : "star";
      // Consecutive stars collapse: they match the same strings as one.
      const last = tokens[tokens.length - 1];
      if (last && (last.kind === "star" || last.kind === "globstar")) {
        if (kind === "globstar") tokens[tokens.length - 1] = { kind };
        continue;
      }
      tokens.push({ kind });
    } else if (c === "?") tokens.push({ kind: "one" });
    else tokens.push({ kind: "char", c: c.toLowerCase() });
  }
  return tokens;
}

export function globMatches(pattern: string, value: string, options: { path?: boolean } = {}): boolean {
  const path = Boolean(options.path);
  const tokens = tokenize(pattern, path);
  const text = value.slice(0, MAX_TEXT).toLowerCase();
  const n = text.length;
  // dp[j]: the tokens so far can match text[0..j).
  let dp = new Array<boolean>(n + 1).fill(false);
  dp[0] = true;
  if (path && !pattern.startsWith("/") && !pattern.startsWith("*")) {
    for (let j = 1; j <= n; j++) if (text[j - 1] === "/") dp[j] = true;
  }
  for (const token of tokens) {
    const next = new Array<boolean>(n + 1).fill(false);
    for (let j = 0; j <= n; j++) {
      switch (token.kind) {
        case "char":
          if (j > 0 && dp[j - 1] && text[j - 1] === token.c) next[j] = true;
          break;
        case "one":
          if (j > 0 && dp[j - 1] && !(path && text[j - 1] === "/")) next[j] = true;
          break;
        case "star":
          next[j] = dp[j] || (j > 0 && next[j - 1] && !(path && text[j - 1] === "/"));
          break;
        case "globstar":
          next[j] = dp[j] || (j > 0 && next[j - 1]);
          break;
      }
    }
    dp = next;
  }
  return dp[n];
}
