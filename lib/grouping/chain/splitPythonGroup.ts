import { membersInFixedOrder } from "@/lib/grouping/chain/membersInFixedOrder";
import { splitTypeAndMessage, type TraceSection } from "@/lib/grouping/chain/TraceSection";
import { classifyGroupLine } from "@/lib/ingest/stacktrace/pythonGroupMargin";

/** "pkg.Type: message" or "Type" as CPython prints an exception's last line. */
export const PYTHON_EXCEPTION_LINE = /^((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)(?::\s?([\s\S]*))?$/;

interface GroupNode {
  depth: number;
  /** The node's own lines, margin removed: a traceback (with its chain) and its exception line. */
  lines: string[];
  children: GroupNode[];
}

/**
 * One printed exception group (pythonGroupMargin.ts) as chain sections: the group itself (the
 * raised exception, or whatever `relation` the enclosing chain gives it) with its traceback, then
 * its sub-exceptions as members — nested groups' members too — each with its own chain. Members are
 * deduplicated by type and frames (ten tasks failing the same way, for ten different ids, are one)
 * and put in a fixed order (type, then frames), because a task group lists them in the order its
 * tasks happened to fail: the same bug must not become another issue because two tasks finished
 * the other way round. `splitChain` splits one member's unboxed text into its sections (raised
 * first).
 */
export function splitPythonGroup(lines: string[], relation: TraceSection["relation"], splitChain: (text: string) => TraceSection[]): TraceSection[] {
  const root = groupTree(lines);
  const [group, ...groupCauses] = splitChain(root.lines.join("\n"));
  const blocks: { key: string; block: TraceSection[] }[] = [];
  const collect = (node: GroupNode) => {
    for (const child of node.children) {
      const block = membersSections(child.lines, splitChain).map((s, i) => (i === 0 ? { ...s, relation: "member" as const } : s));
      blocks.push({ key: block.map(failureSite).join("\n\n"), block });
      collect(child);
    }
  };
  collect(root);
  const members = membersInFixedOrder(blocks);
  return [{ ...(group ?? { body: "" }), relation }, ...groupCauses, ...members];
}

/** What identifies a failure, whatever values its message names: its type and the frames' File lines. */
function failureSite(section: TraceSection): string {
  const frames = section.body.split("\n").filter((line) => line.trimStart().startsWith('File "'));
  return [section.type, ...frames.map((line) => line.trim())].join("\n");
}

/**
 * A sub-exception's sections; one that was never raised (`ExceptionGroup("…", [ValueError(1)])`)
 * has no traceback, only its exception line.
 */
function membersSections(lines: string[], splitChain: (text: string) => TraceSection[]): TraceSection[] {
  const sections = splitChain(lines.join("\n")).filter((s) => s.type !== undefined);
  if (sections.length > 0) return sections;
  const bare = lines.map((line) => splitTypeAndMessage(line, PYTHON_EXCEPTION_LINE)).find((parsed) => parsed !== undefined);
  return bare ? [{ ...bare, relation: "member", body: "" }] : [];
}

/** The box's lines as a tree: each separator opens a sub-exception one level deeper than its group. */
function groupTree(lines: string[]): GroupNode {
  const root: GroupNode = { depth: 1, lines: [], children: [] };
  const stack: GroupNode[] = [root];
  const top = () => stack[stack.length - 1];
  for (const line of lines) {
    const classified = classifyGroupLine(line);
    if (classified.kind === "member") {
      while (stack.length > 1 && top().depth >= classified.depth) stack.pop();
      const node: GroupNode = { depth: classified.depth, lines: [], children: [] };
      top().children.push(node);
      stack.push(node);
    } else if (classified.kind === "close") {
      while (stack.length > 1 && top().depth >= classified.depth) stack.pop();
    } else if (classified.kind === "content") {
      while (stack.length > 1 && top().depth > classified.depth) stack.pop();
      if (top().depth === classified.depth) top().lines.push(classified.text);
    }
  }
  return root;
}
