import { formatBytes } from "@/lib/client/format";
import type { IngestHealth } from "@/lib/ingestHealth/ingestHealthSchema";

/** Each project's share of the database by table, from the latest storage sample: the workspace's own figures. */
export function ProjectStorage({ projects }: { projects: IngestHealth["projects"] }) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-gray-900 dark:text-gray-100">By project and table</h3>
      {projects.every((p) => !p.storage) ? (
        <p className="text-sm text-gray-500 dark:text-gray-400">No storage sample yet.</p>
      ) : (
        <ul data-testid="project-storage" className="space-y-3">
          {projects.filter((p) => p.storage).map((p) => (
            <li key={p.id}>
              <p className="flex justify-between text-sm font-medium text-gray-900 dark:text-gray-100">
                <span>{p.name}</span>
                <span className="font-mono">{formatBytes(p.storage!.bytes)}</span>
              </p>
              <ul className="mt-1 space-y-0.5">
                {p.storage!.tables.slice(0, 6).map((t) => (
                  <li key={t.name} className="flex justify-between font-mono text-xs text-gray-500 dark:text-gray-400">
                    <span>{t.name}</span>
                    <span>{formatBytes(t.bytes)}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
