"use client";

import { Disclosure, DisclosureButton, DisclosurePanel } from "@headlessui/react";
import { PrismLight as SyntaxHighlighter } from "react-syntax-highlighter";
import tomorrow from "react-syntax-highlighter/dist/esm/styles/prism/tomorrow";
import csharp from "react-syntax-highlighter/dist/esm/languages/prism/csharp";
import go from "react-syntax-highlighter/dist/esm/languages/prism/go";
import java from "react-syntax-highlighter/dist/esm/languages/prism/java";
import javascript from "react-syntax-highlighter/dist/esm/languages/prism/javascript";
import python from "react-syntax-highlighter/dist/esm/languages/prism/python";
import ruby from "react-syntax-highlighter/dist/esm/languages/prism/ruby";
import typescript from "react-syntax-highlighter/dist/esm/languages/prism/typescript";
import { ChevronRightIcon } from "@/components/ui/Icons";
import { CopyButton } from "@/components/ui/CopyButton";

// Only the grammars we can map a platform to; everything else renders as plain text.
SyntaxHighlighter.registerLanguage("csharp", csharp);
SyntaxHighlighter.registerLanguage("go", go);
SyntaxHighlighter.registerLanguage("java", java);
SyntaxHighlighter.registerLanguage("javascript", javascript);
SyntaxHighlighter.registerLanguage("python", python);
SyntaxHighlighter.registerLanguage("ruby", ruby);
SyntaxHighlighter.registerLanguage("typescript", typescript);

const LANGUAGE_BY_PLATFORM: Record<string, string> = {
  javascript: "javascript",
  node: "javascript",
  browser: "javascript",
  typescript: "typescript",
  python: "python",
  java: "java",
  kotlin: "java",
  go: "go",
  ruby: "ruby",
  dotnet: "csharp",
  csharp: "csharp",
};

export function languageFor(platform: string | null): string {
  return (platform && LANGUAGE_BY_PLATFORM[platform.toLowerCase()]) || "text";
}

/** The representative stack trace, collapsed until asked for, highlighted for its platform. */
export function StackTrace({ stackTrace, platform }: { stackTrace: string | null; platform: string | null }) {
  const language = languageFor(platform);
  return (
    <Disclosure as="div" className="border-t border-gray-200 dark:border-gray-800">
      <DisclosureButton className="group flex w-full items-center justify-between px-4 py-3 text-left hover:bg-gray-50 focus-visible:bg-gray-50 focus-visible:outline-none sm:px-6 dark:hover:bg-gray-800/60 dark:focus-visible:bg-gray-800/60">
        <span className="text-sm font-medium text-gray-900 dark:text-gray-100">Stack trace</span>
        <ChevronRightIcon className="h-5 w-5 text-gray-400 transition-transform group-data-[open]:rotate-90" />
      </DisclosureButton>
      <DisclosurePanel className="px-4 pb-4 sm:px-6" data-testid="stack-trace">
        {stackTrace ? (
          <>
            <div className="mb-2 flex items-center justify-between text-xs text-gray-500 dark:text-gray-400">
              <span>{language === "text" ? "plain text" : language}</span>
              <CopyButton text={stackTrace} />
            </div>
            <div className="max-h-96 overflow-auto rounded-lg bg-gray-900 p-3 dark:bg-black dark:ring-1 dark:ring-gray-800">
              <SyntaxHighlighter
                language={language}
                style={tomorrow}
                customStyle={{ margin: 0, padding: 0, background: "transparent", fontSize: "12px" }}
                codeTagProps={{ className: "font-mono", style: { wordBreak: "break-all" } }}
                wrapLongLines
              >
                {stackTrace}
              </SyntaxHighlighter>
            </div>
          </>
        ) : (
          <p className="text-sm text-gray-500 dark:text-gray-400">This error was sent without a stack trace.</p>
        )}
      </DisclosurePanel>
    </Disclosure>
  );
}
