"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { button, input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { useToast } from "@/components/ui/Toast";
import { useSubmit } from "@/components/ui/useSubmit";
import { apiFetch } from "@/lib/client/apiFetch";
import type { ProjectInfo } from "@/lib/projects/getProject";
import { PLATFORMS } from "@/lib/projects/projectSchemas";

/** PATCH /api/v1/projects/:id — name, slug, platform, browser origins (CORS), rate limit, retention, quotas, sampling, sensitive fields (admins). */
export function ProjectForm({ project }: { project: ProjectInfo }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [name, setName] = useState(project.name);
  const [slug, setSlug] = useState(project.slug);
  const [platform, setPlatform] = useState(project.platform ?? "");
  const [origins, setOrigins] = useState(project.allowedOrigins.join("\n"));
  const [rateLimit, setRateLimit] = useState(project.rateLimitPerMinute?.toString() ?? "");
  const [retention, setRetention] = useState(String(project.retentionDays));
  const [quotaMinute, setQuotaMinute] = useState(project.quotaPerMinute?.toString() ?? "");
  const [quotaDay, setQuotaDay] = useState(project.quotaPerDay?.toString() ?? "");
  const [spikeProtection, setSpikeProtection] = useState(project.spikeProtection);
  const [issueCap, setIssueCap] = useState(project.maxEventsPerIssue?.toString() ?? "");
  const [sensitive, setSensitive] = useState(project.sensitiveFields.join("\n"));
  const { busy, error, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await apiFetch(`/api/v1/projects/${project.id}`, {
        method: "PATCH",
        json: {
          name,
          slug: slug.trim(),
          platform: platform || null,
          allowedOrigins: origins.split(/[\s,]+/).filter(Boolean),
          rateLimitPerMinute: rateLimit.trim() ? Number(rateLimit) : null,
          retentionDays: Number(retention),
          quotaPerMinute: quotaMinute.trim() ? Number(quotaMinute) : null,
          quotaPerDay: quotaDay.trim() ? Number(quotaDay) : null,
          spikeProtection,
          maxEventsPerIssue: issueCap.trim() ? Number(issueCap) : null,
          sensitiveFields: sensitive.split(/[\s,]+/).filter(Boolean),
        },
      });
      showToast("Project saved", "success");
      await Promise.all([queryClient.invalidateQueries({ queryKey: ["project", project.id] }), queryClient.invalidateQueries({ queryKey: ["me"] })]);
    }, "could not save");
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Project details">
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <FormField label="Name">
            <input required value={name} onChange={(e) => setName(e.target.value)} className={`${input} w-full`} />
          </FormField>
        </div>
        <FormField label="Platform">
          <select value={platform} onChange={(e) => setPlatform(e.target.value)} className={`${input} w-full`}>
            <option value="">not set</option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <FormField
        label="Slug"
        hint="How sentry-cli (SENTRY_PROJECT) and searches (project:…) name this project. Renaming the project keeps it; change it only together with whatever uses it."
      >
        <input required value={slug} onChange={(e) => setSlug(e.target.value)} maxLength={50} spellCheck={false} className={`${input} w-full font-mono text-xs sm:w-80`} />
      </FormField>
      <FormField label="Allowed browser origins" hint="One per line, e.g. https://app.example.com, or https://*.example.com for a domain and its subdomains. Empty: any origin may send (browser SDKs).">
        <textarea rows={3} value={origins} onChange={(e) => setOrigins(e.target.value)} className={`${input} w-full font-mono text-xs`} />
      </FormField>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Rate limit (events per minute)" hint="Empty: the server default.">
          <input type="number" min={1} value={rateLimit} onChange={(e) => setRateLimit(e.target.value)} className={`${input} w-full`} />
        </FormField>
        <FormField label="Keep events for (days)">
          <input type="number" required min={1} max={3650} value={retention} onChange={(e) => setRetention(e.target.value)} className={`${input} w-full`} />
        </FormField>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Quota per minute" hint="Events accepted per minute; over it ingest answers 429. Empty: no quota.">
          <input type="number" min={1} value={quotaMinute} onChange={(e) => setQuotaMinute(e.target.value)} className={`${input} w-full`} />
        </FormField>
        <FormField label="Quota per day (UTC)" hint="Events accepted per UTC day. Empty: no quota.">
          <input type="number" min={1} value={quotaDay} onChange={(e) => setQuotaDay(e.target.value)} className={`${input} w-full`} />
        </FormField>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Events stored per issue" hint="Past this many stored events an issue keeps its first, its latest and a sample; counts stay exact. Empty: no cap.">
          <input type="number" min={1} value={issueCap} onChange={(e) => setIssueCap(e.target.value)} className={`${input} w-full`} />
        </FormField>
        <label className="flex items-start gap-2 pt-6 text-sm font-medium text-gray-700 dark:text-gray-300">
          <input type="checkbox" checked={spikeProtection} onChange={(e) => setSpikeProtection(e.target.checked)} className="mt-0.5" />
          <span>
            Spike protection
            <span className="block text-xs font-normal text-gray-500 dark:text-gray-400">During a spike, store a sample of the busiest issues&apos; events; counts, users and charts stay exact.</span>
          </span>
        </label>
      </div>
      <FormField
        label="Additional sensitive fields"
        hint="One per line, e.g. iban or x-tenant-secret. On top of the built-in scrubbing (passwords, tokens, keys, cards), values under any key containing one of them — tags, context, request data, frame variables, name=value in messages and traces, user feedback, text attachments — are stored as [Filtered]. Applies to what is received from now on."
      >
        <textarea rows={3} value={sensitive} onChange={(e) => setSensitive(e.target.value)} className={`${input} w-full font-mono text-xs`} />
      </FormField>
      <FormError message={error} />
      <button type="submit" disabled={busy} className={button.primary}>
        {busy ? "Saving…" : "Save project"}
      </button>
    </form>
  );
}
