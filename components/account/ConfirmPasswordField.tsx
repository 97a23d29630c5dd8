import { input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";

/** "Your password", asked again before a change to how the account signs in. */
export function ConfirmPasswordField({ value, onChange, hint, className = "w-full sm:w-80" }: { value: string; onChange: (value: string) => void; hint?: string; className?: string }) {
  return (
    <FormField label="Your password" hint={hint}>
      <input required type="password" autoComplete="current-password" value={value} onChange={(e) => onChange(e.target.value)} className={`${input} ${className}`} />
    </FormField>
  );
}
