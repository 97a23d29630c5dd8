import { formatDistanceToNow } from "date-fns";
import { Card } from "@/components/ui/Card";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { exactTime } from "@/lib/client/zonedTime";
import type { DeployDto } from "@/lib/releases/declared/releaseDeploys";

/** Where deploy steps said the release went (`sentry-cli deploys new`), newest first; nothing when none did. */
export function ReleaseDeploys({ deploys }: { deploys: DeployDto[] }) {
  const zone = useTimeZone();
  if (deploys.length === 0) return null;
  return (
    <Card title={`Deploys (${deploys.length})`} titleId="release-deploys-title" bodyClassName="p-0">
      <ul className="divide-y divide-gray-100 dark:divide-gray-800" data-testid="release-deploys">
        {deploys.map((deploy) => (
          <li key={deploy.id} data-testid="release-deploy" className="flex min-w-0 flex-wrap items-baseline gap-x-3 gap-y-0.5 px-4 py-2 text-sm sm:px-6">
            <span className="rounded bg-gray-100 px-1.5 py-0.5 font-mono text-xs text-gray-800 dark:bg-gray-800 dark:text-gray-200">{deploy.environment}</span>
            <span className="min-w-0 flex-1 break-words text-gray-900 dark:text-gray-100">
              {deploy.url ? (
                <a href={deploy.url} target="_blank" rel="noopener noreferrer" className="text-blue-700 hover:underline dark:text-blue-400">
                  {deploy.name || "deploy"}
                </a>
              ) : (
                deploy.name || "deploy"
              )}
            </span>
            <span className="text-xs text-gray-500 dark:text-gray-400" title={exactTime(deploy.dateFinished, zone)}>
              finished {formatDistanceToNow(new Date(deploy.dateFinished), { addSuffix: true })}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
