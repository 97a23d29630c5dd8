/** An issue's id (a UUID), alone or at the end of its page's address (".../errors/<id>"). */
const ISSUE_REF = /^(?:\S{0,2048}?\/errors\/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i;
/** The words that close an issue, as GitHub and GitLab read them: fix, fixes, fixed, close(s/d), resolve(s/d). */
const KEYWORD = /\b(?:fix(?:e[sd])?|close[sd]?|resolve[sd]?)\b:?[ \t]+/gi;
/** Between two references of one keyword: ", ", " and ", ", and ". */
const SEPARATOR = /^(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)/i;

/**
 * The issues a commit message says it fixes: "Fixes 0190f3c2-…", "closes https://errors.example.com/errors/0190f3c2-…",
 * "Resolves <id>, <id> and <id>" — ids lower-cased, each once, in the order written. Bounded: a
 * message is at most 10,000 characters (the schema), each keyword reads at most 20 references.
 */
export function fixedIssueIds(message: string): string[] {
  const found: string[] = [];
  for (const keyword of message.matchAll(KEYWORD)) {
    let rest = message.slice((keyword.index ?? 0) + keyword[0].length);
    for (let n = 0; n < 20; n++) {
      const ref = ISSUE_REF.exec(rest);
      if (!ref) break;
      const id = ref[1].toLowerCase();
      if (!found.includes(id)) found.push(id);
      rest = rest.slice(ref[0].length);
      const separator = SEPARATOR.exec(rest);
      if (!separator) break;
      rest = rest.slice(separator[0].length);
    }
  }
  return found;
}
