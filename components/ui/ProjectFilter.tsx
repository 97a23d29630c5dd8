import { input } from "@/components/ui/buttonStyles";
import type { Me } from "@/lib/workspaces/getMe";

/** "All projects" or one of the workspace's: shown only when it has more than one. */
export function ProjectFilter({
  projects,
  value,
  onChange,
  className = input,
}: {
  projects: Me["workspaces"][number]["projects"];
  value: string;
  onChange: (projectId: string) => void;
  className?: string;
}) {
  if (projects.length <= 1) return null;
  return (
    <select aria-label="Project" value={value} onChange={(e) => onChange(e.target.value)} className={className}>
      <option value="">All projects</option>
      {projects.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
