"use client";

import { useState, type FormEvent } from "react";
import { button, input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { STAY_BUSY, useSubmit } from "@/components/ui/useSubmit";
import { apiFetch, ApiRequestError } from "@/lib/client/apiFetch";
import { rememberFirstRunKey } from "@/lib/client/firstRunKey";
import { PLATFORMS } from "@/lib/projects/projectSchemas";
import type { NewProject } from "@/lib/projects/addProject";

/** First run: the first admin, their workspace and its first project, in one form (POST /api/v1/setup). */
export function SetupForm() {
  const [form, setForm] = useState({ name: "", email: "", password: "", workspaceName: "", projectName: "", platform: "javascript" });
  const { busy, error, run } = useSubmit();
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      try {
        const result = await apiFetch<{ workspaceId: string; project: NewProject }>("/api/v1/setup", { method: "POST", json: form });
        rememberFirstRunKey({ projectId: result.project.id, ingestKey: result.project.ingestKey });
        window.location.replace(`/?ws=${result.workspaceId}`);
      } catch (e) {
        // Already set up (by someone else meanwhile): to the sign-in page.
        if (!(e instanceof ApiRequestError && e.status === 409)) throw e;
        window.location.replace("/login");
      }
      return STAY_BUSY;
    }, "setup failed");
  }

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <form onSubmit={submit} className="w-full max-w-lg space-y-6 rounded-xl bg-white p-6 shadow sm:p-8 dark:bg-gray-900">
        <div>
          <h1 className="text-xl font-semibold text-gray-900 dark:text-gray-100">Set up Faultline</h1>
          <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">Create the first admin account, a workspace for your team and the first project to send errors to.</p>
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-gray-900 dark:text-gray-100">Your admin account</legend>
          <FormField label="Your name">
            <input required autoComplete="name" value={form.name} onChange={set("name")} className={`${input} w-full`} />
          </FormField>
          <FormField label="Email">
            <input required type="email" autoComplete="username" value={form.email} onChange={set("email")} className={`${input} w-full`} />
          </FormField>
          <FormField label="Password" hint="At least 8 characters.">
            <input required type="password" minLength={8} autoComplete="new-password" value={form.password} onChange={set("password")} className={`${input} w-full`} />
          </FormField>
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-gray-900 dark:text-gray-100">Workspace and first project</legend>
          <FormField label="Workspace name" hint="Usually your team or company.">
            <input required value={form.workspaceName} onChange={set("workspaceName")} className={`${input} w-full`} />
          </FormField>
          <div className="grid gap-3 sm:grid-cols-3">
            <div className="sm:col-span-2">
              <FormField label="Project name">
                <input required value={form.projectName} onChange={set("projectName")} className={`${input} w-full`} />
              </FormField>
            </div>
            <FormField label="Platform">
              <select value={form.platform} onChange={set("platform")} className={`${input} w-full`}>
                {PLATFORMS.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </FormField>
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy} className={`${button.primary} w-full py-2`}>
          {busy ? "Setting up…" : "Create account and workspace"}
        </button>
      </form>
    </main>
  );
}
