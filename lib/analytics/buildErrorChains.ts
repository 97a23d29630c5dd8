export interface CascadeEdge {
  parentGroupId: string;
  childGroupId: string;
  count: number;
  creditsLost: number;
}

export interface ChainGroup {
  id: string;
  type: string;
  category: string;
  status: string;
  regressed: boolean;
}

export interface ErrorChain {
  rootErrorId: string;
  rootError: string;
  cascadingErrorIds: string[];
  cascadingErrors: string[];
  /** Cascaded occurrences along the chain's links in the window. */
  totalImpact: number;
  creditsLost: number;
  preventable: boolean;
}

/** Categories a guard in the caller's code (validation, timeouts, limits, config checks) can stop. */
const GUARDABLE = new Set(["validation", "timeout", "rate_limit", "configuration"]);

/**
 * Turns parent→child cascade links into chains: each root (a parent that is nobody's child) with
 * every group reachable from it, breadth first. Cycles are cut. A chain is preventable when its root
 * is a known problem (acknowledged, under investigation, or back after a fix) or of a guardable category.
 */
export function buildErrorChains(edges: CascadeEdge[], groups: Map<string, ChainGroup>): ErrorChain[] {
  const children = new Map<string, CascadeEdge[]>();
  const hasParent = new Set<string>();
  for (const e of edges) {
    if (e.parentGroupId === e.childGroupId) continue;
    children.set(e.parentGroupId, [...(children.get(e.parentGroupId) ?? []), e]);
    hasParent.add(e.childGroupId);
  }
  let roots = [...children.keys()].filter((id) => !hasParent.has(id));
  // Pure cycles have no root: start from their most frequent parent.
  if (roots.length === 0 && children.size > 0) roots = [[...children.keys()][0]];

  return roots
    .map((rootId) => {
      const seen = new Set([rootId]);
      const order: string[] = [];
      let impact = 0;
      let credits = 0;
      const queue = [rootId];
      while (queue.length) {
        const id = queue.shift()!;
        for (const e of children.get(id) ?? []) {
          impact += e.count;
          credits += e.creditsLost;
          if (seen.has(e.childGroupId)) continue;
          seen.add(e.childGroupId);
          order.push(e.childGroupId);
          queue.push(e.childGroupId);
        }
      }
      const root = groups.get(rootId);
      return {
        rootErrorId: rootId,
        rootError: root?.type ?? rootId,
        cascadingErrorIds: order,
        cascadingErrors: order.map((id) => groups.get(id)?.type ?? id),
        totalImpact: impact,
        creditsLost: Math.round(credits * 100) / 100,
        preventable: root ? isPreventable(root) : false,
      };
    })
    .sort((a, b) => b.totalImpact - a.totalImpact || (a.rootErrorId < b.rootErrorId ? -1 : a.rootErrorId > b.rootErrorId ? 1 : 0));
}

function isPreventable(root: ChainGroup): boolean {
  return root.regressed || root.status === "acknowledged" || root.status === "investigating" || GUARDABLE.has(root.category);
}
