/** A tag value of a group as the window saw it: the one last seen in the window, and how many distinct values it saw. */
export interface SeenValue {
  value: string;
  of: number;
}

/** What a pattern's correlation is made of (see loadWindowFacts). */
export interface CorrelationFacts {
  /** The window's events came from exactly one user (false when that is not known). */
  singleUser: boolean;
  /** The group's all-time distinct agents: no rollup counts a group's agents per window. */
  agentsAllTime: number;
  release: SeenValue | null;
  environment: SeenValue | null;
}

/**
 * What else a pattern's group lines up with in the window, as text ("a single user; release
 * web@2.1.0"); "" for nothing. Pure. A value is named as the one last seen in the window, with how
 * many there were when there were several; the agent part is the group's all-time count, and says so.
 */
export function correlationOf(f: CorrelationFacts): string {
  const parts: string[] = [];
  if (f.agentsAllTime === 1) parts.push("a single agent (all time)");
  if (f.singleUser) parts.push("a single user");
  if (f.release) parts.push(`release ${seen(f.release)}`);
  if (f.environment) parts.push(`environment ${seen(f.environment)}`);
  return parts.join("; ");
}

function seen(v: SeenValue): string {
  return v.of > 1 ? `${v.value} (latest of ${v.of})` : v.value;
}
