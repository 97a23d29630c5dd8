"use client";

import { useState, type FormEvent } from "react";
import { button, input } from "@/components/ui/buttonStyles";
import type { UpdateErrorInput } from "@/lib/errors/errorSchemas";

/** Resolution note, root cause and preventive measures (one per line), as seed 002's resolve_error takes. */
export function ResolveForm({ onSubmit, onCancel }: { onSubmit: (patch: UpdateErrorInput) => void; onCancel: () => void }) {
  const [resolution, setResolution] = useState("");
  const [rootCause, setRootCause] = useState("");
  const [measures, setMeasures] = useState("");

  function submit(e: FormEvent) {
    e.preventDefault();
    const preventiveMeasures = measures.split("\n").map((m) => m.trim()).filter(Boolean);
    onSubmit({
      status: "resolved",
      resolution: resolution.trim() || null,
      rootCause: rootCause.trim() || null,
      ...(preventiveMeasures.length && { preventiveMeasures }),
    });
  }

  return (
    <form
      onSubmit={submit}
      // Escape inside the form cancels the form only, not the whole details panel.
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.stopPropagation();
        onCancel();
      }}
      className="space-y-3"
      aria-label="Resolve error"
    >
      <label className="block text-sm">
        <span className="text-gray-700 dark:text-gray-300">Resolution</span>
        <textarea
          required
          autoFocus
          rows={3}
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          placeholder="Describe the resolution…"
          className={`${input} mt-1 w-full resize-y`}
        />
      </label>
      <label className="block text-sm">
        <span className="text-gray-700 dark:text-gray-300">Root cause</span>
        <input value={rootCause} onChange={(e) => setRootCause(e.target.value)} className={`${input} mt-1 w-full`} />
      </label>
      <label className="block text-sm">
        <span className="text-gray-700 dark:text-gray-300">Preventive measures (one per line)</span>
        <textarea rows={2} value={measures} onChange={(e) => setMeasures(e.target.value)} className={`${input} mt-1 w-full resize-y`} />
      </label>
      <div className="flex gap-2">
        <button type="submit" className={`${button.success} flex-1`}>
          Confirm resolution
        </button>
        <button type="button" onClick={onCancel} className={button.secondary}>
          Cancel
        </button>
      </div>
    </form>
  );
}
