/**
 * Crystal's uncaught exception: "Unhandled exception: Index out of bounds (IndexError)" (a fiber's
 * "Unhandled exception in spawn(name: worker): …"), the class in parentheses after the message — which
 * may span lines, the class then ending the last. A logged Exception#inspect_with_backtrace has no
 * "Unhandled exception: ": the line right above the first frame, when it ends with a class.
 * The type is the class as printed ("IndexError", "JSON::ParseException", "Foo::Error(Int32)").
 */
export function crystalHeader(lines: readonly string[]): { type?: string; message: string } | undefined {
  const firstFrame = lines.findIndex((line) => CRYSTAL_FRAME.test(line.trim()));
  const end = firstFrame < 0 ? lines.length : firstFrame;
  let start = lines.findIndex((line, i) => i < end && line.trimStart().startsWith("Unhandled exception"));
  const unhandled = start >= 0;
  if (!unhandled) {
    if (firstFrame <= 0) return undefined;
    start = end - 1; // a logger's own line may stand above: only the line right above the frames
  }
  const block = lines.slice(start, end).join("\n").trim();
  const text = unhandled ? block.replace(UNHANDLED, "") : block;
  const typed = classAtEnd(text);
  if (typed) return typed;
  return unhandled ? { message: text } : undefined;
}

const UNHANDLED = /^Unhandled exception(?: in spawn(?:\([^()\n]{0,256}\))?)?: ?/;
/** A Crystal frame ("from src/app.cr:5:3 in 'f'", "src/app.cr:5:3 in 'f'", "from /lib/libc.so.6 in 'f'"), not Ruby's "from x.rb:10:in `f'". */
const CRYSTAL_FRAME = /:\d{1,9}:\d{1,9} in '|^from \S{1,2048} in '/;
/** "(IndexError)", "(JSON::ParseException)", "(Foo::Error(Int32))". */
const CRYSTAL_CLASS = /^\(([A-Z]\w{0,127}(?:::[A-Z]\w{0,127}){0,16}(?:\([^()\n]{0,256}\))?)\)$/;

/** "Index out of bounds (IndexError)" → IndexError and the message before it; null when no class ends the text. */
function classAtEnd(text: string): { type: string; message: string } | null {
  if (!text.endsWith(")")) return null;
  const open = text.lastIndexOf(" (") + 1; // 0: the class alone, an empty message
  const m = CRYSTAL_CLASS.exec(text.slice(open));
  return m ? { type: m[1], message: text.slice(0, open).trim() } : null;
}
