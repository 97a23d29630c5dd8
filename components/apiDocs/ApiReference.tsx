import Link from "next/link";
import { ApiOperation } from "@/components/apiDocs/ApiOperation";
import type { OpenApiDocument, Operation } from "@/lib/openapi/buildOpenApiDocument";

interface Entry {
  method: string;
  path: string;
  operation: Operation;
}

/** The whole reference: a table of contents by tag, then every operation of each tag. */
export function ApiReference({ document }: { document: OpenApiDocument }) {
  const byTag = new Map<string, Entry[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = operation.tags[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, operation }]);
    }
  }
  const tags = document.tags.map((t) => t.name).filter((t) => byTag.has(t));

  return (
    <div className="mx-auto max-w-5xl px-3 py-8 sm:px-6 lg:px-8">
      <header className="mb-8 space-y-2">
        <p className="text-sm text-gray-500 dark:text-gray-400">
          <Link href="/" className="hover:underline">
            Faultline
          </Link>{" "}
          · API reference · version {document.info.version}
        </p>
        <h1 className="text-3xl font-bold text-gray-900 dark:text-gray-100">{document.info.title}</h1>
        <p className="max-w-3xl text-sm text-gray-600 dark:text-gray-300">{document.info.description}</p>
        <p className="text-sm">
          Machine-readable:{" "}
          <a href="/api/openapi.json" className="font-mono text-blue-700 hover:underline dark:text-blue-400">
            /api/openapi.json
          </a>{" "}
          (OpenAPI 3.1)
        </p>
      </header>
      <nav aria-label="API sections" className="mb-10 rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800">
        <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {tags.map((tag) => (
            <li key={tag}>
              <a href={`#${anchor(tag)}`} className="font-medium text-gray-900 hover:underline dark:text-gray-100">
                {tag}
              </a>
              <span className="text-gray-500 dark:text-gray-400"> · {byTag.get(tag)!.length}</span>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag} id={anchor(tag)} aria-labelledby={`${anchor(tag)}-title`} className="mb-12 space-y-4">
          <h2 id={`${anchor(tag)}-title`} className="border-b border-gray-200 pb-2 text-xl font-semibold text-gray-900 dark:border-gray-800 dark:text-gray-100">
            {tag}
          </h2>
          {byTag.get(tag)!.map((e) => (
            <ApiOperation key={`${e.method} ${e.path}`} method={e.method} path={e.path} operation={e.operation} />
          ))}
        </section>
      ))}
    </div>
  );
}

function anchor(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
