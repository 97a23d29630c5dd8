import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import type { UpdateAlertInput } from "@/lib/alerts/alertSchemas";
import { findVisibleAlert } from "@/lib/alerts/findVisibleAlert";
import { getAlert } from "@/lib/alerts/getAlert";
import { planTransition } from "@/lib/alerts/lifecycle/planTransition";
import { transitionAlerts } from "@/lib/alerts/lifecycle/transitionAlerts";
import { dispatchDeliveries } from "@/lib/alerts/notify/processDeliveries";
import { ApiError } from "@/lib/http/ApiError";

/** Acknowledges or resolves an alert (members and admins); audited, and PagerDuty/webhooks are told. */
export async function updateAlert(auth: AuthContext, alertId: string, input: UpdateAlertInput) {
  const alert = await findVisibleAlert(auth, alertId);
  assertCanTriage(auth, alert.workspaceId);
  const plan = planTransition(alert.status, input.status);
  if (plan.kind === "invalid") throw new ApiError(409, "conflict", plan.message);
  if (plan.kind === "change") {
    const result = await transitionAlerts({
      ids: [alert.id],
      to: input.status,
      actorId: auth.kind === "user" ? auth.userId : null,
      resolution: input.resolution ?? "resolved by a user",
      now: new Date(),
    });
    dispatchDeliveries(result.deliveryIds);
  }
  return getAlert(auth, alert.id);
}
