import { button } from "@/components/ui/buttonStyles";

/** The buttons under a small inline form: submit (primary, or danger) and Cancel. */
export function SubmitOrCancel({ label, onCancel, busy = false, danger = false }: { label: string; onCancel: () => void; busy?: boolean; danger?: boolean }) {
  return (
    <div className="flex gap-2">
      <button type="submit" disabled={busy} className={danger ? button.danger : button.primary}>
        {label}
      </button>
      <button type="button" onClick={onCancel} className={button.ghost}>
        Cancel
      </button>
    </div>
  );
}
