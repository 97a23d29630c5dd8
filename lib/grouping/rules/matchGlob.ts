/**
 * Compiles a glob to an anchored regular expression: `**` matches anything, `*` anything but the
 * separator, `?` one character; everything else is literal. Case-insensitive when asked (messages).
 */
export function compileGlob(pattern: string, separator: "/" | "." | null, caseInsensitive = false): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*" && pattern[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (c === "*") {
      source += separator ? `[^${separator === "." ? "." : "/"}]*` : ".*";
    } else if (c === "?") {
      source += ".";
    } else {
      source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`, caseInsensitive ? "is" : "s");
}
