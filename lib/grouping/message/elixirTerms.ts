/**
 * Elixir's and Erlang's inspected values in a message, each reduced to its kind before the message
 * is parameterised: maps `%{id: 42, status: :draft}` → `%{…}`, structs `%MyApp.Order{…}` keep their
 * module (`%MyApp.Order{…}`), opaque values `#Ecto.Changeset<action: :insert, …>`, `#MapSet<[…]>`,
 * `#DateTime<2026-12-07 18:56:51Z>` keep their name (`#Ecto.Changeset<…>`), Erlang maps `#{a => 1}`
 * → `#{…}`. Exceptions inspect the data they failed on (KeyError's "key :currency not found in:
 * %{…}", MatchError's "no match of right hand side value: {:error, #Ecto.Changeset<…>}",
 * FunctionClauseError's arguments), and the atoms, keys and nils in it vary with every record where
 * the parameteriser only sees numbers and quoted text. What stays — the missing key, the tuple around
 * the value, the struct's module — says which bug it is.
 *
 * Pids, references and ports (`#PID<0.4512.0>`, `#Reference<0.1.2.3>`) hold only numbers: the
 * parameteriser already makes them one.
 *
 * One pass, every character read at most twice: each value is scanned to its closing bracket (strings,
 * nested brackets, `=>` and `->` inside); when one is not closed (a message cut short), the rest of the
 * message is left as it is.
 */
export function withoutElixirTerms(text: string): string {
  if (!text.includes("%") && !text.includes("#")) return text;
  let out = "";
  let from = 0;
  OPENER.lastIndex = 0;
  for (let match = OPENER.exec(text); match; match = OPENER.exec(text)) {
    const start = match.index;
    const open = start + match[0].length - 1;
    const end = closingIndex(text, open);
    if (end < 0) break;
    out += `${text.slice(from, start)}${match[0]}…${match[0].endsWith("<") ? ">" : "}"}`;
    from = end + 1;
    OPENER.lastIndex = from;
  }
  return out + text.slice(from);
}

/**
 * `%{`, `%Mod.Name{`, `%__MODULE__{`, `#{` (Erlang), `#Mod.Name<` (an Inspect implementation's opaque
 * form; not `#PID<`, `#Reference<`, `#Port<`, `#Function<`, whose numbers are parameterised).
 */
const OPENER = /%(?:[A-Z][\w]*(?:\.[A-Z][\w]*)*|__MODULE__)?\{|(?<![\w#])#\{|(?<![\w#])#(?!(?:PID|Reference|Port|Function)<)[A-Z][\w]*(?:\.[A-Z][\w]*)*</g;

const CLOSERS: Record<string, string> = { "{": "}", "[": "]", "(": ")" };

/**
 * The index of the bracket closing the one at `open` (`{` or `<`), -1 when there is none. Brackets
 * inside double-quoted strings do not count; `=>` and `->` are no closing `>`; `<<` … `>>` (binaries)
 * nest.
 */
function closingIndex(text: string, open: number): number {
  const stack: string[] = [text[open] === "<" ? ">" : "}"];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
      if (i < 0) return -1;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c in CLOSERS) stack.push(CLOSERS[c]);
    else if (c === "<" && text[i + 1] === "<") {
      stack.push(">>");
      i++;
    } else if (c === "#" && /^#[A-Z][\w.]*</.test(text.slice(i, i + 64))) {
      // A nested opaque value (`data: #MyApp.Accounts.User<>`): its `<` opens, its `>` closes.
      i = text.indexOf("<", i);
      stack.push(">");
    } else if (c === ">" && top === ">>" && text[i + 1] === ">") {
      stack.pop();
      i++;
    } else if (c === ">" && top === ">" && text[i - 1] !== "=" && text[i - 1] !== "-") stack.pop();
    else if (c === "}" || c === "]" || c === ")") {
      if (c !== top) return -1;
      stack.pop();
    } else continue;
    if (stack.length === 0) return i;
  }
  return -1;
}

/** The index of the quote closing the string opened at `open` (backslash escapes skipped); -1 when none. */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
