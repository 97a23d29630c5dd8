import { alertsConsumer } from "@/lib/alerts/alertsConsumer";
import { reopenConsumer } from "@/lib/errors/triage/reopenConsumer";
import { assignmentConsumer } from "@/lib/assignment/applyAssignmentRules";
import { forwardingConsumer } from "@/lib/forwarding/deliver/forwardingConsumer";
import type { AfterStoreConsumer } from "@/lib/intake/afterStore";
import { metricsConsumer } from "@/lib/metrics/metricsConsumer";
import { ingestHealthConsumer } from "@/lib/ingestHealth/ingestHealthConsumer";

/** Everything that reacts to committed events, in the order it is called. One line per consumer. */
export const afterStoreConsumers: AfterStoreConsumer[] = [
  metricsConsumer,
  ingestHealthConsumer,
  alertsConsumer,
  reopenConsumer,
  assignmentConsumer,
  forwardingConsumer,
];
