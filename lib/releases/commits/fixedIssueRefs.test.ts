import { describe, expect, it } from "vitest";
import { fixedIssueIds } from "@/lib/releases/commits/fixedIssueRefs";

const A = "0190f3c2-7a1b-7c3d-8e4f-5a6b7c8d9e0f";
const B = "0190f3c2-7a1b-7c3d-8e4f-5a6b7c8d9e10";
const C = "0190f3c2-7a1b-7c3d-8e4f-5a6b7c8d9e11";

describe("fixedIssueIds", () => {
  it("reads the issues a commit message fixes, by id or by the issue's address", () => {
    expect(fixedIssueIds(`Billing: round totals\n\nFixes ${A}`)).toEqual([A]);
    expect(fixedIssueIds(`fix: closes https://errors.example.com/errors/${A.toUpperCase()}?tab=events`)).toEqual([A]);
    expect(fixedIssueIds(`Resolves ${A}, ${B} and ${C}; fixed ${A} again`)).toEqual([A, B, C]);
    expect(fixedIssueIds(`Fixed: ${B}`)).toEqual([B]);
  });

  it("needs a closing word right before the reference", () => {
    expect(fixedIssueIds(`See ${A}`)).toEqual([]);
    expect(fixedIssueIds(`Fixes the checkout (${A})`)).toEqual([]);
    expect(fixedIssueIds(`prefix ${A} fixes nothing`)).toEqual([]);
    expect(fixedIssueIds("Fixes #88")).toEqual([]);
    expect(fixedIssueIds(`Fixes ${A.slice(0, 30)}`)).toEqual([]);
  });

  it("stays linear on hostile messages", () => {
    const hostile = `${"fixes ".repeat(1500)}${"/".repeat(1000)}`;
    const started = performance.now();
    expect(fixedIssueIds(hostile)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
