"use client";

import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/client/apiFetch";
import type { Me } from "@/lib/workspaces/getMe";

export function AppHeader({ me, workspace }: { me?: Me; workspace?: Me["workspaces"][number] }) {
  const router = useRouter();
  async function signOut() {
    await apiFetch("/api/v1/auth/logout", { method: "POST" });
    router.replace("/login");
  }
  return (
    <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 sm:px-6 lg:px-8">
        <span className="font-semibold text-red-600">Faultline</span>
        <div className="flex items-center gap-3 text-sm">
          {workspace && <span className="text-gray-600 dark:text-gray-300">{workspace.name}</span>}
          {me && <span className="hidden text-gray-500 sm:inline">{me.user.email}</span>}
          <button onClick={signOut} className="rounded-md px-2 py-1 text-gray-600 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800">
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
