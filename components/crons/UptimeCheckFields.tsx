"use client";

import { input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { METHODS_WITH_BODY, MAX_UPTIME_BODY, UPTIME_METHODS, UptimeCheckSchema, type UptimeCheck, type UptimeCheckInput, type UptimeMethod } from "@/lib/crons/uptime/uptimeCheckSchema";

/** The check's settings as typed. */
export interface UptimeCheckDraft {
  method: UptimeMethod;
  body: string;
  expectedStatus: string;
  keyword: string;
  keywordAbsent: boolean;
  timeoutSeconds: string;
  certificateExpiryDays: string;
  ignoreTlsErrors: boolean;
}

export function uptimeCheckDraft(check: UptimeCheck = UptimeCheckSchema.parse({})): UptimeCheckDraft {
  return {
    method: check.method,
    body: check.body ?? "",
    expectedStatus: check.expectedStatus ?? "",
    keyword: check.keyword ?? "",
    keywordAbsent: check.keywordAbsent,
    timeoutSeconds: String(check.timeoutSeconds),
    certificateExpiryDays: String(check.certificateExpiryDays),
    ignoreTlsErrors: check.ignoreTlsErrors,
  };
}

/** The draft as the API takes it (empty text: the field unset); validated by the caller's schema. */
export function uptimeCheckInput(draft: UptimeCheckDraft): UptimeCheckInput {
  return {
    method: draft.method,
    ...(draft.body !== "" && METHODS_WITH_BODY.has(draft.method) && { body: draft.body }),
    ...(draft.expectedStatus.trim() && { expectedStatus: draft.expectedStatus.trim() }),
    ...(draft.keyword && { keyword: draft.keyword }),
    keywordAbsent: draft.keywordAbsent,
    timeoutSeconds: Number(draft.timeoutSeconds),
    certificateExpiryDays: Number(draft.certificateExpiryDays),
    ignoreTlsErrors: draft.ignoreTlsErrors,
  };
}

/**
 * What an uptime check asserts besides reaching the URL: expected statuses, a keyword (present or
 * absent), the timeout and the certificate-expiry warning; and the request's method and body. The
 * method, body, keyword and TLS leniency only admins change (`canChangeRequest`; ADMIN_CHECK_FIELDS):
 * members see them disabled. `error(path)` gives a field's error by its path under `prefix`
 * ("uptimeCheck.keyword").
 */
export function UptimeCheckFields({ draft, onChange, error, prefix, canChangeRequest = true }: {
  draft: UptimeCheckDraft;
  onChange: (draft: UptimeCheckDraft) => void;
  error: (path: string) => string | null;
  prefix: string;
  canChangeRequest?: boolean;
}) {
  const set = <K extends keyof UptimeCheckDraft>(key: K, value: UptimeCheckDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <fieldset className="min-w-0 space-y-3 rounded-md border border-gray-200 p-3 dark:border-gray-700">
      <legend className="px-1 text-sm font-medium text-gray-700 dark:text-gray-300">Check</legend>
      <FormField label="Method" hint={canChangeRequest ? "HEAD for a cheap check; POST, PUT, PATCH or DELETE can send a body" : "Admins change the request"} error={error(`${prefix}.method`)}>
        <select aria-label="Method" className={`${input} w-32`} value={draft.method} disabled={!canChangeRequest} onChange={(e) => set("method", e.target.value as UptimeMethod)}>
          {UPTIME_METHODS.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
      </FormField>
      {METHODS_WITH_BODY.has(draft.method) && (
        <FormField label="Body" hint="Optional: sent as JSON when it parses as JSON, else as text (a Content-Type request header overrides)" error={error(`${prefix}.body`)}>
          <textarea
            aria-label="Body"
            rows={3}
            maxLength={MAX_UPTIME_BODY}
            disabled={!canChangeRequest}
            placeholder='{"query":"{ health }"}'
            value={draft.body}
            onChange={(e) => set("body", e.target.value)}
            className={`${input} w-full font-mono text-xs`}
          />
        </FormField>
      )}
      <FormField label="Keyword" hint={canChangeRequest ? "Optional: looked for in the body's first MiB" : "Admins change the keyword"} error={error(`${prefix}.keyword`)}>
        <div className="flex gap-2">
          <input
            aria-label="Keyword"
            className={`${input} min-w-0 flex-1`}
            maxLength={200}
            placeholder="Welcome"
            value={draft.keyword}
            disabled={!canChangeRequest}
            onChange={(e) => set("keyword", e.target.value)}
          />
          <select
            aria-label="Keyword must"
            className={input}
            value={draft.keywordAbsent ? "absent" : "present"}
            disabled={!canChangeRequest}
            onChange={(e) => set("keywordAbsent", e.target.value === "absent")}
          >
            <option value="present">must appear</option>
            <option value="absent">must not appear</option>
          </select>
        </div>
      </FormField>
      <div className="grid grid-cols-2 gap-3">
        <FormField label="Expected status" hint="Empty: any 2xx or 3xx" error={error(`${prefix}.expectedStatus`)}>
          <input className={`${input} w-full font-mono`} maxLength={200} placeholder="200-299, 401" value={draft.expectedStatus} onChange={(e) => set("expectedStatus", e.target.value)} />
        </FormField>
        <FormField label="Timeout (s)" error={error(`${prefix}.timeoutSeconds`)}>
          <input type="number" min={1} max={60} className={`${input} w-full`} value={draft.timeoutSeconds} onChange={(e) => set("timeoutSeconds", e.target.value)} />
        </FormField>
      </div>
      <FormField label="Certificate warning (days)" hint="https: a check fails this long before the certificate expires (0: never)" error={error(`${prefix}.certificateExpiryDays`)}>
        <input type="number" min={0} max={365} className={`${input} w-28`} value={draft.certificateExpiryDays} onChange={(e) => set("certificateExpiryDays", e.target.value)} />
      </FormField>
      <label className="flex items-start gap-2 text-sm text-gray-700 dark:text-gray-300">
        <input type="checkbox" className="mt-0.5" checked={draft.ignoreTlsErrors} disabled={!canChangeRequest} onChange={(e) => set("ignoreTlsErrors", e.target.checked)} />
        <span>
          Accept a self-signed or unverifiable certificate (internal endpoints). Its expiry is still checked; request headers then go to an unverified
          server.
        </span>
      </label>
    </fieldset>
  );
}
