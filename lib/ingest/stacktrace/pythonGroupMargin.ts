/**
 * CPython 3.11+ prints an exception group (asyncio.TaskGroup, anyio and Trio task groups,
 * `raise ExceptionGroup(...)`) as a boxed tree: every line of the group and of its sub-exceptions
 * carries a margin — two spaces per nesting level, then `+ ` on the group's first line and `| ` on
 * the others — and each sub-exception starts with a separator line:
 *
 *     + Exception Group Traceback (most recent call last):
 *     |   File "/app/main.py", line 7, in main
 *     |     async with asyncio.TaskGroup() as tg:
 *     | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)
 *     +-+---------------- 1 ----------------
 *       | Traceback (most recent call last):
 *       |   File "/app/main.py", line 3, in fetch
 *       | ValueError: bad input
 *       +---------------- 2 ----------------
 *       | …
 *       +------------------------------------
 */
export const GROUP_HEADER = /^ *\+ Exception Group Traceback \(most recent call last\):\s*$/m;

export type GroupLine =
  /** A line of the exception at `depth` (1 = the outermost group), margin removed. */
  | { kind: "content"; depth: number; text: string }
  /** `+---- N ----`: sub-exception N (or `...`, past max_group_width) starts at `depth`. */
  | { kind: "member"; depth: number }
  /** `+------…`: the sub-exceptions at `depth` end. */
  | { kind: "close"; depth: number }
  | { kind: "other" };

const MEMBER = /^( *)(\+-)?\+-+ (?:\d+|\.\.\.) -+\s*$/;
const CLOSE = /^( *)\+-+\s*$/;
const CONTENT = /^((?: {2})+)[|+](?: (.*))?$/;

export function classifyGroupLine(line: string): GroupLine {
  const member = MEMBER.exec(line);
  if (member) return { kind: "member", depth: (member[1].length + (member[2] ? 2 : 0)) / 2 };
  const close = CLOSE.exec(line);
  if (close && close[1].length % 2 === 0) return { kind: "close", depth: close[1].length / 2 };
  const content = CONTENT.exec(line);
  if (content) return { kind: "content", depth: content[1].length / 2, text: content[2] ?? "" };
  return { kind: "other" };
}

/** The line without its group margin (as `parsePython` reads a boxed traceback); other lines as they are. */
export function withoutGroupMargin(line: string): string {
  const classified = classifyGroupLine(line);
  return classified.kind === "content" ? classified.text : line;
}
