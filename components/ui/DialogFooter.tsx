import { button } from "@/components/ui/buttonStyles";

interface DialogFooterProps {
  /** The submit button's text (already "…ing" while the request runs, if the caller wants that). */
  label: string;
  onCancel: () => void;
  disabled?: boolean;
  /** A destructive action: the submit button is red. */
  danger?: boolean;
}

/** The right-aligned Cancel and submit buttons under a dialog's form. */
export function DialogFooter({ label, onCancel, disabled = false, danger = false }: DialogFooterProps) {
  return (
    <div className="flex justify-end gap-2">
      <button type="button" onClick={onCancel} className={button.secondary}>
        Cancel
      </button>
      <button type="submit" disabled={disabled} className={danger ? button.danger : button.primary}>
        {label}
      </button>
    </div>
  );
}
