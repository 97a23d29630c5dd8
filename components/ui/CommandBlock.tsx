import { CopyButton } from "@/components/ui/CopyButton";

/** A shell command to copy, in a dark block that scrolls sideways rather than widening the page. */
export function CommandBlock({ command, testId }: { command: string; testId: string }) {
  return (
    <div className="flex items-start gap-2">
      {/* Focusable, so a keyboard can scroll a long command sideways. */}
      <pre tabIndex={0} className="min-w-0 flex-1 overflow-x-auto rounded-md bg-gray-900 p-3 font-mono text-xs text-gray-100 focus-visible:outline-2 focus-visible:outline-blue-500" data-testid={testId}>
        {command}
      </pre>
      <CopyButton text={command} />
    </div>
  );
}
