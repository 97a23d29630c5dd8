import { describe, expect, it } from "vitest";
import { ALERT_STATUSES } from "@/lib/domain/alertStatus";
import { ERROR_STATUSES } from "@/lib/domain/errorStatus";
import { SEVERITIES, SEVERITIES_DESC, SeverityFilterSchema } from "@/lib/domain/severity";
import { AlertStatus, ErrorStatus, Severity } from "@/lib/generated/prisma/enums";

describe("shared vocabulary", () => {
  it("names exactly the database enums' members", () => {
    expect([...SEVERITIES].sort()).toEqual(Object.values(Severity).sort());
    expect([...ERROR_STATUSES].sort()).toEqual(Object.values(ErrorStatus).sort());
    expect([...ALERT_STATUSES].sort()).toEqual(Object.values(AlertStatus).sort());
  });

  it("lists severities both ways and filters by one or all", () => {
    expect([...SEVERITIES_DESC].reverse()).toEqual([...SEVERITIES]);
    expect(SeverityFilterSchema.safeParse("all").success).toBe(true);
    expect(SeverityFilterSchema.safeParse("urgent").success).toBe(false);
  });
});
