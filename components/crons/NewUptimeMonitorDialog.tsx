"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { ModalDialog } from "@/components/ui/ModalDialog";
import { readHeaderLines, RequestHeadersField } from "@/components/crons/RequestHeadersField";
import { UptimeCheckFields, uptimeCheckDraft, uptimeCheckInput } from "@/components/crons/UptimeCheckFields";
import { useToast } from "@/components/ui/Toast";
import { useCreateUptimeMonitorMutation } from "@/lib/client/hooks/useMonitorsQuery";
import { UptimeCheckSchema } from "@/lib/crons/uptime/uptimeCheckSchema";
import type { Me } from "@/lib/workspaces/getMe";
import { DialogFooter } from "@/components/ui/DialogFooter";

const INTERVALS = [1, 5, 15, 30, 60] as const;

/** An admin adds an uptime monitor: a name, the URL to request, how often, its project, and what a check asserts. */
export function NewUptimeMonitorDialog({ workspace, open, onClose }: { workspace: Me["workspaces"][number]; open: boolean; onClose: () => void }) {
  const create = useCreateUptimeMonitorMutation(workspace.id);
  const { showToast } = useToast();
  const [projectId, setProjectId] = useState(workspace.projects[0]?.id ?? "");
  const [slug, setSlug] = useState("");
  const [url, setUrl] = useState("https://");
  const [interval, setInterval] = useState<number>(5);
  const [environment, setEnvironment] = useState("production");
  const [check, setCheck] = useState(() => uptimeCheckDraft());
  const [headerText, setHeaderText] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = UptimeCheckSchema.safeParse(uptimeCheckInput(check));
    const headers = readHeaderLines(headerText);
    if (!parsed.success || "error" in headers) {
      setErrors({
        ...(!parsed.success && Object.fromEntries(parsed.error.issues.map((issue) => [["check", ...issue.path].join("."), issue.message]))),
        ...("error" in headers && { headers: headers.error }),
      });
      return;
    }
    setErrors({});
    create.mutate(
      { projectId, slug: slug.trim(), url: url.trim(), intervalMinutes: interval, environment: environment.trim() || "production", check: parsed.data, headers: headers.headers },
      {
        onSuccess: (monitor) => {
          showToast(`Monitoring ${monitor.slug}: the first check runs within seconds`, "success");
          setSlug("");
          setUrl("https://");
          setCheck(uptimeCheckDraft());
          setHeaderText("");
          onClose();
        },
      },
    );
  }

  return (
    <ModalDialog open={open} title="New uptime monitor" onClose={onClose}>
      <form onSubmit={submit} className="space-y-3" aria-label="New uptime monitor">
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Faultline requests the URL on schedule (redirects followed). An unexpected status, a missing keyword, a certificate close to expiry, a refused
          connection or a timeout is a failed check: the monitor&apos;s issue says what the URL answered, and a good check resolves it.
        </p>
        {workspace.projects.length > 1 && (
          <FormField label="Project">
            <select value={projectId} onChange={(e) => setProjectId(e.target.value)} className={`${input} w-full`}>
              {workspace.projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
        )}
        <FormField label="Name" hint="Lower case letters, digits, - and _, e.g. shop-home.">
          <input required maxLength={64} value={slug} onChange={(e) => setSlug(e.target.value)} placeholder="shop-home" className={`${input} w-full font-mono`} />
        </FormField>
        <FormField label="URL">
          <input required type="url" maxLength={2000} value={url} onChange={(e) => setUrl(e.target.value)} className={`${input} w-full font-mono`} />
        </FormField>
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label="Check every">
            <select value={interval} onChange={(e) => setInterval(Number(e.target.value))} className={`${input} w-full`}>
              {INTERVALS.map((m) => (
                <option key={m} value={m}>
                  {m === 1 ? "minute" : m === 60 ? "hour" : `${m} minutes`}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Environment">
            <input maxLength={64} value={environment} onChange={(e) => setEnvironment(e.target.value)} className={`${input} w-full`} />
          </FormField>
        </div>
        <RequestHeadersField value={headerText} onChange={setHeaderText} error={errors.headers ?? null} />
        <UptimeCheckFields draft={check} onChange={setCheck} error={(path) => errors[path] ?? null} prefix="check" />
        <FormError message={create.error?.message ?? null} />
        <DialogFooter label={create.isPending ? "Adding…" : "Add monitor"} onCancel={onClose} disabled={create.isPending || !slug.trim() || !projectId} />
      </form>
    </ModalDialog>
  );
}
