"use client";

import { input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { parseHeaderLines } from "@/lib/crons/uptime/headerLines";
import { ExtraHeadersSchema } from "@/lib/http/extraHeadersSchema";

/** The form's header lines as the API takes them, or the message to show on the field. */
export function readHeaderLines(text: string): { headers: Record<string, string> } | { error: string } {
  const lines = parseHeaderLines(text);
  if ("invalid" in lines) return { error: `"${lines.invalid}" is not Name: value` };
  const parsed = ExtraHeadersSchema.safeParse(lines.headers);
  return parsed.success ? { headers: parsed.data } : { error: parsed.error.issues[0]?.message ?? "invalid headers" };
}

/** An uptime check's request headers, one `Name: value` per line (admins; stored encrypted, shown masked). */
export function RequestHeadersField({ value, onChange, disabled, error }: { value: string; onChange: (value: string) => void; disabled?: boolean; error: string | null }) {
  return (
    <FormField label="Request headers" hint="Optional, one per line: Authorization: Bearer …. Stored encrypted; shown masked — leave •••• to keep a value." error={error}>
      <textarea rows={2} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} placeholder="Authorization: Bearer …" className={`${input} w-full font-mono text-xs`} />
    </FormField>
  );
}
