import { button } from "@/components/ui/buttonStyles";

/** A failed request, with the server's message and a way to try again. */
export function ErrorState({ error, onRetry, className = "py-10" }: { error: Error; onRetry?: () => void; className?: string }) {
  return (
    <div role="alert" className={`flex flex-col items-center gap-3 px-4 text-center ${className}`}>
      <p className="text-sm font-medium text-red-700 dark:text-red-400">Could not load this: {error.message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} className={button.secondary}>
          Try again
        </button>
      )}
    </div>
  );
}
