import { SchemaView } from "@/components/apiDocs/SchemaView";
import type { Operation } from "@/lib/openapi/buildOpenApiDocument";

const METHOD_COLORS: Record<string, string> = {
  get: "bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300",
  post: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
  patch: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  put: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  delete: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

const AUTH_LABELS: Record<string, string> = {
  session: "session cookie",
  ingestKey: "ingest key (X-Faultline-Key)",
  ingestBearer: "ingest key (Bearer)",
  sentryKey: "DSN key (sentry_key)",
  sentryAuth: "X-Sentry-Auth",
  metricsToken: "Bearer METRICS_TOKEN",
};

/** One operation: method and path, what it does, who may call it, its inputs and answers. */
export function ApiOperation({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  const auth = [...new Set((operation.security ?? []).flatMap((s) => Object.keys(s)))].map((k) => AUTH_LABELS[k] ?? k);
  const body = operation.requestBody && Object.entries(operation.requestBody.content)[0];
  return (
    <article id={operation.operationId} className="rounded-lg bg-white shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800">
      <header className="flex flex-wrap items-center gap-2 border-b border-gray-200 px-4 py-3 dark:border-gray-800">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_COLORS[method] ?? "bg-gray-100 text-gray-800 dark:bg-gray-800 dark:text-gray-200"}`}>{method}</span>
        <code className="break-all font-mono text-sm text-gray-900 dark:text-gray-100">{path}</code>
      </header>
      <div className="space-y-4 px-4 py-3 text-sm text-gray-700 dark:text-gray-300">
        <p className="font-medium text-gray-900 dark:text-gray-100">{operation.summary}</p>
        {operation.description && <p>{operation.description}</p>}
        <p className="text-xs text-gray-500 dark:text-gray-400">
          Auth: {auth.length ? auth.join(" or ") : "none"}
          {operation["x-faultline-role"] && <> · role: {operation["x-faultline-role"]} or higher</>}
        </p>
        {operation.parameters && operation.parameters.length > 0 && (
          <div>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-gray-500 dark:text-gray-400">Parameters</h3>
            <SchemaView
              schema={{
                type: "object",
                properties: Object.fromEntries(operation.parameters.map((p) => [`${p.name} (${p.in})`, { ...p.schema, ...(p.description && { description: p.description }) }])),
                required: operation.parameters.filter((p) => p.required).map((p) => `${p.name} (${p.in})`),
              }}
            />
          </div>
        )}
        {body && (
          <div>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-gray-500 dark:text-gray-400">
              Body <span className="font-mono normal-case">{body[0]}</span>
            </h3>
            <SchemaView schema={body[1].schema} />
          </div>
        )}
        <div>
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-gray-500 dark:text-gray-400">Responses</h3>
          <ul className="space-y-1">
            {Object.entries(operation.responses).map(([status, response]) => (
              <li key={status}>
                <span className={`mr-2 font-mono font-semibold ${status.startsWith("2") ? "text-green-700 dark:text-green-400" : "text-gray-600 dark:text-gray-400"}`}>{status}</span>
                <InlineCode text={response.description} />
              </li>
            ))}
          </ul>
        </div>
      </div>
    </article>
  );
}

/** Descriptions mark code with backticks, as in the README. */
export function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") ? (
          <code key={i} className="rounded bg-gray-100 px-1 font-mono text-xs dark:bg-gray-800">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
