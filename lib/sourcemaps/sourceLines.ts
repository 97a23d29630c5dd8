import type { SourceMap } from "@/lib/sourcemaps/parseSourceMap";

// Per map (kept as long as the map is): each original source's line start offsets, found once.
const startsByMap = new WeakMap<SourceMap, Map<number, Int32Array>>();

function lineStarts(content: string): Int32Array {
  let starts = new Int32Array(1024);
  let count = 1; // line 1 starts at 0
  for (let at = content.indexOf("\n"); at !== -1; at = content.indexOf("\n", at + 1)) {
    if (count === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = at + 1;
  }
  return starts.slice(0, count);
}

/**
 * Lines `from`…`to` (1-based, inclusive, clipped to the file) of a map's original source, without
 * splitting the file: its line starts are found once per map and source (4 bytes a line), so a
 * frame deep in a large bundled library costs the lines it needs, not the file up to them. Null
 * when the map carries no content for the source.
 */
export function sourceLineWindow(map: SourceMap, sourceIndex: number, from: number, to: number): { first: number; lines: string[] } | null {
  const content = map.sourcesContent[sourceIndex];
  if (typeof content !== "string") return null;
  let perSource = startsByMap.get(map);
  if (!perSource) startsByMap.set(map, (perSource = new Map()));
  let starts = perSource.get(sourceIndex);
  if (!starts) perSource.set(sourceIndex, (starts = lineStarts(content)));
  const first = Math.max(1, from);
  const last = Math.min(starts.length, to);
  const lines: string[] = [];
  for (let line = first; line <= last; line++) {
    const end = line < starts.length ? starts[line] - 1 : content.length;
    lines.push(content.slice(starts[line - 1], end));
  }
  return { first, lines };
}
