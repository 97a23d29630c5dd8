import { alertsConsumer } from "@/lib/alerts/alertsConsumer";
import { reopenConsumer } from "@/lib/errors/triage/reopenConsumer";
import { assignmentConsumer } from "@/lib/assignment/applyAssignmentRules";
import { forwardingConsumer } from "@/lib/forwarding/deliver/forwardingConsumer";
import { inSequence, type AfterStoreConsumer } from "@/lib/intake/afterStore";
import { metricsConsumer } from "@/lib/metrics/metricsConsumer";
import { ingestHealthConsumer } from "@/lib/ingestHealth/ingestHealthConsumer";

/** Everything that reacts to committed events, in the order it is called. One line per consumer. */
export const afterStoreConsumers: AfterStoreConsumer[] = [
  metricsConsumer,
  ingestHealthConsumer,
  // An ignored issue whose condition the batch met is reopened before its alerts are evaluated (the
  // alerts skip ignored issues, so the event that woke it alerts like any other); a new issue's
  // assignment rule has assigned it before its alerts are evaluated, so an alert that tells "the
  // issue's assignee" (a `members` channel) finds who the rule chose.
  inSequence("reopen-assignment-alerts", [reopenConsumer, assignmentConsumer, alertsConsumer]),
  forwardingConsumer,
];
