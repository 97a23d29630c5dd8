/** Request headers as a form edits them: one `Name: value` per line. */
export function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");
}

/** The headers a form's lines name (blank lines skipped), or the first line that is not `Name: value`. */
export function parseHeaderLines(text: string): { headers: Record<string, string> } | { invalid: string } {
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const colon = line.indexOf(":");
    if (colon <= 0) return { invalid: line.trim() };
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { headers };
}
