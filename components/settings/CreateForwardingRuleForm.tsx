"use client";

import { useState, type FormEvent } from "react";
import { button, input } from "@/components/ui/buttonStyles";
import { CheckboxChoice } from "@/components/ui/CheckboxChoice";
import { SEVERITIES_DESC, type Severity } from "@/lib/domain/severity";
import { useCreateForwardingRuleMutation, type CreatedForwardingRule, type NewForwardingRule } from "@/lib/client/hooks/useForwardingRulesQuery";

type Kind = NewForwardingRule["kind"];
const KINDS: { kind: Kind; label: string }[] = [
  { kind: "sentry", label: "Sentry (DSN)" },
  { kind: "webhook", label: "HTTP endpoint" },
  { kind: "datadog", label: "Datadog logs" },
];
const TARGET: Record<Kind, { label: string; placeholder: string; type: string }> = {
  sentry: { label: "DSN", placeholder: "https://<key>@o0.ingest.sentry.io/<project>", type: "url" },
  webhook: { label: "Endpoint URL", placeholder: "https://example.com/hooks/errors", type: "url" },
  datadog: { label: "API key", placeholder: "Datadog API key", type: "password" },
};

const list = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

/** Adds a forwarding rule (admins): where copies go, and which events (empty filters: all). */
export function CreateForwardingRuleForm({ projectId, onCreated }: { projectId: string; onCreated: (rule: CreatedForwardingRule) => void }) {
  const create = useCreateForwardingRuleMutation(projectId);
  const [kind, setKind] = useState<Kind>("sentry");
  const [name, setName] = useState("");
  const [target, setTarget] = useState("");
  const [datadogUrl, setDatadogUrl] = useState("");
  const [severities, setSeverities] = useState<Severity[]>([]);
  const [categories, setCategories] = useState("");
  const [environments, setEnvironments] = useState("");

  function configFor(): Record<string, unknown> {
    const value = target.trim();
    if (kind === "sentry") return { dsn: value };
    if (kind === "webhook") return { url: value };
    return { apiKey: value, ...(datadogUrl.trim() && { url: datadogUrl.trim() }) };
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { kind, name: name.trim(), severities, categories: list(categories), environments: list(environments), config: configFor() },
      {
        onSuccess: (rule) => {
          setName("");
          setTarget("");
          setDatadogUrl("");
          setSeverities([]);
          setCategories("");
          setEnvironments("");
          onCreated(rule);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} aria-label="New forwarding rule" className="space-y-3 rounded-md bg-gray-50 p-3 ring-1 ring-gray-200 dark:bg-gray-950 dark:ring-gray-800">
      <div className="grid gap-3 sm:grid-cols-[14rem_1fr]">
        <label className="block text-sm">
          <span className="text-gray-700 dark:text-gray-300">Send copies to</span>
          <select value={kind} onChange={(e) => {
              setKind(e.target.value as Kind);
              setTarget("");
            }} className={`${input} mt-1 w-full`}>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="text-gray-700 dark:text-gray-300">Rule name</span>
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. critical errors to Sentry" className={`${input} mt-1 w-full`} />
        </label>
      </div>
      <label className="block text-sm">
        <span className="text-gray-700 dark:text-gray-300">{TARGET[kind].label}</span>
        <input required type={TARGET[kind].type} value={target} onChange={(e) => setTarget(e.target.value)} placeholder={TARGET[kind].placeholder} className={`${input} mt-1 w-full`} autoComplete="off" />
      </label>
      {kind === "datadog" && (
        <label className="block text-sm">
          <span className="text-gray-700 dark:text-gray-300">Logs intake URL (optional)</span>
          <input type="url" value={datadogUrl} onChange={(e) => setDatadogUrl(e.target.value)} placeholder="https://http-intake.logs.datadoghq.com/api/v2/logs" className={`${input} mt-1 w-full`} />
        </label>
      )}
      <CheckboxChoice legend="Severities (none checked: all)" options={SEVERITIES_DESC.map((s) => ({ value: s, label: s }))} value={severities} onChange={setSeverities} />
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="text-gray-700 dark:text-gray-300">Categories (comma-separated, empty: all)</span>
          <input value={categories} onChange={(e) => setCategories(e.target.value)} placeholder="database, network" className={`${input} mt-1 w-full`} />
        </label>
        <label className="block text-sm">
          <span className="text-gray-700 dark:text-gray-300">Environments (comma-separated, empty: all)</span>
          <input value={environments} onChange={(e) => setEnvironments(e.target.value)} placeholder="production" className={`${input} mt-1 w-full`} />
        </label>
      </div>
      <button type="submit" disabled={create.isPending || !name.trim() || !target.trim()} className={button.primary}>
        {create.isPending ? "Adding…" : "Add rule"}
      </button>
      {create.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Rule not added: {create.error.message}
        </p>
      )}
    </form>
  );
}
