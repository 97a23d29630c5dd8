import { StatCard } from "@/components/errors/StatCard";
import { Card } from "@/components/ui/Card";
import { formatBytes } from "@/lib/client/format";
import type { IngestAck } from "@/lib/domain/ingestAck";
import type { IngestHealth } from "@/lib/ingestHealth/ingestHealthSchema";

type Instance = NonNullable<IngestHealth["instance"]>;

const ACK: Record<IngestAck, { value: string; hint: string }> = {
  commit: { value: "Once committed", hint: "in PostgreSQL before the client hears back" },
  log: { value: "From the local log", hint: "fsync'ed in the spool, stored moments later" },
  auto: { value: "Auto", hint: "committed, or from the local log under load" },
};

/** The instance that served this page: how it acknowledges ingest and what its spool still holds. */
export function InstanceStatus({ instance }: { instance: Instance }) {
  const { spool } = instance;
  return (
    <Card title="This instance" titleId="instance-title">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <StatCard label="Ingest answered (INGEST_ACK)" testId="ingest-ack" value={ACK[instance.ack].value} hint={ACK[instance.ack].hint} />
        <StatCard
          label="Spool, not yet stored"
          testId="spool-bytes"
          tone={spool.spooling ? "danger" : "default"}
          value={formatBytes(spool.bytes)}
          hint={spool.spooling ? "PostgreSQL unavailable: accepted events wait here" : `of ${formatBytes(spool.maxBytes)} (FAULTLINE_SPOOL_MAX_MB)`}
        />
      </dl>
    </Card>
  );
}
