import type { EventView } from "@/lib/errors/events/getEvent";
import { displayValue, KeyValueTable } from "@/components/ui/KeyValueTable";
import { Section } from "@/components/ui/Section";

/** Method and URL, query, headers (already scrubbed at ingest), cookies, body and the server's environment variables. */
export function RequestSection({ request }: { request: EventView["request"] }) {
  if (!request) return null;
  return (
    <Section id="request-title" title="Request">
      <p className="mb-3 break-all font-mono text-sm" data-testid="request-line">
        <span className="font-semibold text-gray-900 dark:text-gray-100">{request.method ?? "GET"}</span>{" "}
        <span className="text-gray-700 dark:text-gray-300">{request.url ?? "(no URL)"}</span>
      </p>
      <div className="space-y-3">
        {request.query.length > 0 && <Part title="Query" rows={request.query} />}
        <Part title="Headers" rows={request.headers} testId="request-headers" />
        {request.cookies.length > 0 && <Part title="Cookies" rows={request.cookies} />}
        {request.data !== null && <Part title="Body" rows={[["data", displayValue(request.data)]]} />}
        {request.env.length > 0 && <Part title="Environment" rows={request.env} />}
      </div>
    </Section>
  );
}

function Part({ title, rows, testId }: { title: string; rows: [string, string][]; testId?: string }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">{title}</h3>
      <KeyValueTable rows={rows} testId={testId} />
    </div>
  );
}
