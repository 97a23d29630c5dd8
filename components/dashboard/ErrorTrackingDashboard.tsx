"use client";

import { useMeQuery } from "@/lib/client/hooks/useMeQuery";
import { useErrorsQuery } from "@/lib/client/hooks/useErrorsQuery";
import { AppHeader } from "@/components/dashboard/AppHeader";
import { SimpleErrorList } from "@/components/errors/SimpleErrorList";

export function ErrorTrackingDashboard() {
  const me = useMeQuery();
  const workspace = me.data?.workspaces[0];
  const errors = useErrorsQuery({ workspaceId: workspace?.id }, Boolean(workspace));

  return (
    <div className="min-h-screen">
      <AppHeader me={me.data} workspace={workspace} />
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
        <h1 className="text-2xl font-bold">Error Tracking</h1>
        <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">Monitor and resolve system errors and exceptions</p>
        <div className="mt-6">
          {errors.isLoading || me.isLoading ? (
            <p className="text-sm text-gray-500">Loading…</p>
          ) : errors.error ? (
            <p role="alert" className="text-sm text-red-600">{errors.error.message}</p>
          ) : (
            <SimpleErrorList items={errors.data?.items ?? []} />
          )}
        </div>
      </main>
    </div>
  );
}
