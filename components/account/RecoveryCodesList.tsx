"use client";

import { button } from "@/components/ui/buttonStyles";
import { CopyButton } from "@/components/ui/CopyButton";

/** Recovery codes, shown once: to copy, download or print, each good for one sign-in without the phone. */
export function RecoveryCodesList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const text = `Faultline recovery codes (each works once)\n\n${codes.join("\n")}\n`;
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <div className="space-y-3">
      <p className="text-sm text-gray-700 dark:text-gray-300">
        Save these recovery codes somewhere safe (a password manager, or printed). Each signs you in once if you lose your phone. They are
        shown only now.
      </p>
      <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md bg-gray-50 p-3 font-mono text-sm text-gray-900 sm:w-max dark:bg-gray-800 dark:text-gray-100">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <CopyButton text={text} label="Copy codes" />
        <a href={download} download="faultline-recovery-codes.txt" className={button.secondary}>
          Download
        </a>
        <button type="button" onClick={onDone} className={button.primary}>
          I have saved them
        </button>
      </div>
    </div>
  );
}
