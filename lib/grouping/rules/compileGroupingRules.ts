import type { ChainException } from "@/lib/grouping/chain/ChainException";
import type { FrameOverride } from "@/lib/grouping/frames/classifyFrame";
import type { GroupingRule } from "@/lib/grouping/rules/groupingRuleSchemas";
import { compileGlob } from "@/lib/grouping/rules/matchGlob";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";

export interface CompiledGroupingRules {
  frameOverride?: FrameOverride;
  fingerprintFor?: (chain: ChainException[], language: Language) => string[] | undefined;
}

const pathOf = (frame: Frame) => (frame.absPath || frame.filename || "").replace(/\\/g, "/");

/**
 * A project's rules as the two hooks grouping calls: frame rules decide app/library before the
 * built-in lists (first matching rule wins); fingerprint rules replace the computed fingerprint of
 * the events they match ("{{ default }}" keeps it as a part).
 */
export function compileGroupingRules(rules: GroupingRule[]): CompiledGroupingRules {
  const frameRules = rules.flatMap((rule) => {
    if (rule.kind !== "frame") return [];
    const path = rule.match.path ? compileGlob(rule.match.path, "/") : null;
    const moduleGlob = rule.match.module ? compileGlob(rule.match.module, ".") : null;
    const fn = rule.match.function ? compileGlob(rule.match.function, null) : null;
    return [{ action: rule.action, test: (f: Frame) => (!path || path.test(pathOf(f))) && (!moduleGlob || moduleGlob.test(f.module ?? "")) && (!fn || fn.test(f.function ?? "")) }];
  });
  const fingerprintRules = rules.flatMap((rule) => {
    if (rule.kind !== "fingerprint") return [];
    const type = rule.match.type ? compileGlob(rule.match.type, null) : null;
    const message = rule.match.message ? compileGlob(rule.match.message, null, true) : null;
    const moduleGlob = rule.match.module ? [compileGlob(rule.match.module, "."), compileGlob(rule.match.module, "/")] : null;
    return [{ rule, type, message, moduleGlob }];
  });

  return {
    frameOverride: frameRules.length === 0 ? undefined : (frame) => frameRules.find((r) => r.test(frame))?.action,
    fingerprintFor:
      fingerprintRules.length === 0
        ? undefined
        : (chain) => {
            const raised = chain[0];
            if (!raised) return undefined;
            const simpleType = raised.type.slice(raised.type.lastIndexOf(".") + 1);
            for (const { rule, type, message, moduleGlob } of fingerprintRules) {
              if (type && !type.test(raised.type) && !type.test(simpleType)) continue;
              if (message && !message.test(raised.message)) continue;
              if (moduleGlob && !raised.frames.some((f) => f.inApp !== false && moduleGlob.some((g) => g.test(f.module ?? "") || g.test(pathOf(f))))) continue;
              return rule.fingerprint.map((part) => (/^\{\{\s*type\s*\}\}$/.test(part) ? raised.type : part));
            }
            return undefined;
          },
  };
}
