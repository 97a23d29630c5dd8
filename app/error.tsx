"use client";

import { useEffect, useState } from "react";
import { button } from "@/components/ui/buttonStyles";
import { databaseAnswers } from "@/lib/client/databaseAnswers";

/** While the database does not answer, how often the page asks again. */
const RECHECK_MS = 3_000;

/**
 * Any page that failed to render — on the server (the error carries a digest) or in the browser. Most
 * often that is PostgreSQL being unavailable (a restart, a failover, a crash): then the page says so
 * — events are still accepted and kept — asks /api/health every few seconds, and shows the page again
 * on its own once the database answers. Otherwise it offers to try again, with a server error's
 * digest to find it in the server log.
 */
export default function PageError({ error }: { error: Error & { digest?: string } }) {
  const [database, setDatabase] = useState<"checking" | "down" | "up">("checking");

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasDown = false;
    const check = async () => {
      const up = await databaseAnswers();
      if (stopped) return;
      if (up && wasDown) {
        // A whole new load: the page failed while rendered on the server, so there is no tree to reset.
        window.location.reload();
        return;
      }
      wasDown = !up;
      setDatabase(up ? "up" : "down");
      if (!up) timer = setTimeout(() => void check(), RECHECK_MS);
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  if (database === "checking") return <main className="min-h-screen" aria-busy="true" />;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center" data-testid="page-error">
      {database === "down" ? (
        <>
          <p className="text-sm font-semibold text-amber-600">Database unavailable</p>
          <h1 className="text-xl font-semibold text-gray-900 dark:text-gray-100">Faultline cannot reach its database right now</h1>
          <p className="max-w-md text-sm text-gray-600 dark:text-gray-400">
            PostgreSQL is restarting or unreachable. Errors your applications report are still accepted and kept, and stored once it answers. This page
            comes back by itself as soon as it does.
          </p>
          <p className="flex items-center gap-2 text-xs text-gray-500 dark:text-gray-400" role="status">
            <span className="h-2 w-2 animate-pulse rounded-full bg-amber-500" aria-hidden="true" />
            Checking again every few seconds…
          </p>
        </>
      ) : (
        <>
          <p className="text-sm font-semibold text-red-600">Something went wrong</p>
          <h1 className="text-xl font-semibold text-gray-900 dark:text-gray-100">This page could not be loaded</h1>
          <p className="max-w-md text-sm text-gray-600 dark:text-gray-400">
            {error.digest ? (
              <>
                The server failed while preparing it. The server log has the details under <span className="font-mono">{error.digest}</span>.
              </>
            ) : (
              "It failed while being shown in this browser; the browser's console has the details."
            )}
          </p>
          <button type="button" className={button.primary} onClick={() => window.location.reload()}>
            Try again
          </button>
        </>
      )}
    </main>
  );
}
