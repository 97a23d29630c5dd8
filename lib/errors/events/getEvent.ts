import type { AuthContext } from "@/lib/auth/AuthContext";
import { seesPeople } from "@/lib/auth/seesPeople";
import { pool } from "@/lib/db/pool";
import { db } from "@/lib/db/prisma";
import type { ErrorGroup, ErrorOccurrence, Prisma } from "@/lib/generated/prisma/client";
import { hasClientFrames } from "@/lib/errors/events/clientFrames";
import { eventFrames, eventTypeOf, inAppFlagsUnset, validFrames, viewFrame } from "@/lib/errors/events/eventFrames";
import type { FrameOverride } from "@/lib/grouping/frames/classifyFrame";
import { loadGroupingRules } from "@/lib/grouping/rules/loadGroupingRules";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { applySourceMaps } from "@/lib/sourcemaps/applySourceMaps";
import { metadataDebugIds } from "@/lib/sourcemaps/debugId";
import { eventSourceMaps } from "@/lib/sourcemaps/eventSourceMaps";
import type { SourceMap } from "@/lib/sourcemaps/parseSourceMap";
import { EXCEPTION_RELATIONS, type ExceptionRelation, type StoredChainException } from "@/lib/grouping/chain/ChainException";
import { eventSections, storedIds, type EventSections } from "@/lib/errors/events/eventSections";
import { JVM_SOURCES_METADATA_KEY } from "@/lib/ingest/eventSchema";
import { sourceBundlesFor } from "@/lib/jvmSources/eventSourceBundles";
import { withJvmSourceContext } from "@/lib/jvmSources/jvmSourceContext";
import type { SourceBundle } from "@/lib/jvmSources/sourceBundle";
import type { BreakpadSymbols } from "@/lib/native/breakpadSymbols";
import { nativeSymbolsFor } from "@/lib/native/eventNativeSymbols";
import { symbolicateFrames } from "@/lib/native/symbolicateEvent";
import { proguardMappingsFor } from "@/lib/proguard/eventProguardMappings";
import type { ProguardMapping } from "@/lib/proguard/proguardMapping";
import { appPackageOf, retraceFrames } from "@/lib/proguard/retraceFrames";
import { withSourceContext } from "@/lib/ingest/sourceContext";
import { occurrenceFilter } from "@/lib/errors/events/occurrenceFilter";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { eventTags } from "@/lib/ingest/eventTags";
import type { EventFilters } from "@/lib/errors/events/eventSchemas";
import { ApiError } from "@/lib/http/ApiError";
import type { AttachmentSummary } from "@/lib/attachments/attachmentSummary";
import { readCodeMappings, type CodeMapping } from "@/lib/projects/codeMappings/codeMappingSchema";
import { sourceLink } from "@/lib/projects/codeMappings/sourceLink";
import { releaseCommits } from "@/lib/releases/commits/listReleaseCommits";
import { suspectCommits, type ShippedCommit } from "@/lib/releases/commits/suspectCommits";
import { eventIdForms } from "@/lib/errors/events/eventIdForms";
import { assertNoEndUserFilter } from "@/lib/errors/events/assertNoEndUserFilter";
import { eventWithoutEndUsers } from "@/lib/errors/events/withoutEndUsers";

export type EventSelector = "latest" | "oldest" | { eventId: string };

/**
 * The 404 of `latest` / `oldest` when nothing is stored: for an issue whose stored events the
 * retention job deleted (and no filter), `reason: "expired"` with the project's `retentionDays`, so
 * clients say so instead of showing a failure.
 */
async function noEventsError(group: Pick<ErrorGroup, "projectId" | "expiredCount">, filters: EventFilters): Promise<ApiError> {
  if (group.expiredCount === 0 || Object.values(filters).some(Boolean)) return ApiError.notFound("this issue has no events");
  const project = await db().project.findUnique({ where: { id: group.projectId }, select: { retentionDays: true } });
  const days = project?.retentionDays ?? null;
  return new ApiError(404, "not_found", `this issue's events are past its project's retention${days ? ` of ${days} days` : ""}`, { reason: "expired", retentionDays: days });
}


type GroupStack = Pick<ErrorGroup, "id" | "type" | "platform" | "stackTrace" | "frames">;

/**
 * One event of an issue with everything the event viewer shows: the exception chain with structured
 * frames (each frame's highlighting language), breadcrumbs, request, user, tags, contexts, release,
 * environment, SDK, attachments; and the ids of the first, previous (older), next (newer) and latest
 * events among those matching the filters. An ingest key gets it without the end user, the request,
 * breadcrumbs, extra data, variables and attachments (eventWithoutEndUsers), and may not filter by user.
 */
export async function getEvent(auth: AuthContext, errorId: string, selector: EventSelector, filters: EventFilters = {}) {
  assertNoEndUserFilter(auth, filters);
  const group = await findVisibleError(auth, errorId);
  const scope = occurrenceFilter(group.id, filters);
  const occurrence = await findOccurrence(group.id, selector, scope);
  if (!occurrence) throw selector === "latest" || selector === "oldest" ? await noEventsError(group, filters) : await eventNotFound(auth, group, selector.eventId);

  const [older, newer, first, latest, chain, parent, caused, attachments, rules, project, commits] = await Promise.all([
    neighbour(scope, occurrence, "older"),
    neighbour(scope, occurrence, "newer"),
    db().errorOccurrence.findFirst({ where: scope, orderBy: [{ occurredAt: "asc" }, { id: "asc" }], select: { eventId: true } }),
    db().errorOccurrence.findFirst({ where: scope, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], select: { eventId: true } }),
    // Sentry's chained exceptions: stored as linked events until the chain is kept on the occurrence.
    db().errorOccurrence.findMany({
      where: { parentOccurrenceId: occurrence.id, metadata: { path: ["sentry", "chainedFrom"], equals: occurrence.eventId } },
      include: { group: { select: { id: true, type: true, platform: true, stackTrace: true, frames: true } } },
      take: 20,
    }),
    parentOf(group.projectId, occurrence),
    causedBy(group.projectId, occurrence),
    db().eventAttachment.findMany({
      where: { projectId: group.projectId, eventId: occurrence.eventId },
      select: { id: true, filename: true, contentType: true, attachmentType: true, size: true },
      orderBy: { filename: "asc" },
    }),
    loadGroupingRules(group.projectId),
    db().project.findUnique({ where: { id: group.projectId }, select: { codeMappings: true } }),
    suspectSources(group.projectId, group.firstRelease, occurrence.release),
  ]);
  // The source maps for the minified files the frames name (raised exception and stored causes): by the event's debug IDs, then its release.
  const causeFrames = Array.isArray(occurrence.exceptions) ? (occurrence.exceptions as unknown as StoredChainException[]).flatMap((c) => validFrames(c?.frames) ?? []) : [];
  const raisedFrames = eventFrames(occurrence, group);
  const sections = eventSections(occurrence.metadata, occurrence.userId);
  const [maps, late, jvmSources, lateSymbols] = await Promise.all([
    eventSourceMaps(group.projectId, occurrence.release, metadataDebugIds(occurrence.metadata), [...raisedFrames, ...causeFrames]),
    lateProguardMappings(group.projectId, sections.proguard),
    sourceBundlesFor(group.projectId, storedIds(asMetadata(occurrence.metadata)[JVM_SOURCES_METADATA_KEY])),
    lateNativeSymbols(group.projectId, sections.nativeSymbols),
  ]);
  const native = { images: new Map((sections.nativeSymbols?.images ?? []).map((image) => [BigInt(image.imageAddr), image.debugId])), symbols: lateSymbols.found };
  const clientFrames = hasClientFrames(occurrence.metadata, occurrence.exceptions);
  const view: FrameView = { override: rules.frameOverride, clientFrames, flagsUnset: inAppFlagsUnset([raisedFrames, causeFrames], clientFrames), maps, codeMappings: readCodeMappings(project?.codeMappings), release: occurrence.release, proguard: late.found, jvmSources, native };
  if (sections.proguard) sections.proguard = { ...sections.proguard, missing: late.missing, retracedWhenViewed: late.applied };
  if (sections.nativeSymbols) sections.nativeSymbols = { ...sections.nativeSymbols, missing: lateSymbols.missing, symbolicatedWhenViewed: lateSymbols.applied };
  const isChainLink = parent !== null && chainParentOf(occurrence.metadata) === parent.eventId;
  chain.sort((a, b) => chainIndexOf(a.metadata) - chainIndexOf(b.metadata));
  const raised = exceptionOf(occurrence, group, sections.mechanism, view, raisedFrames);
  const threads = await viewThreads(group.projectId, sections, group.platform, view);

  const event = {
    id: occurrence.id,
    eventId: occurrence.eventId,
    groupId: group.id,
    occurredAt: occurrence.occurredAt.toISOString(),
    receivedAt: occurrence.receivedAt.toISOString(),
    severity: occurrence.severity,
    // The event's own raised type: an SDK's fingerprint or a merge puts events of other types in one issue.
    type: eventTypeOf(occurrence.exceptions, group.type),
    message: occurrence.message,
    platform: group.platform,
    environment: occurrence.environment,
    release: occurrence.release,
    userId: occurrence.userId,
    agentId: occurrence.agentId,
    runId: occurrence.runId,
    traceId: traceIdOf(occurrence.metadata),
    tags: eventTags(occurrence),
    // The raised exception, then its causes: kept on the occurrence (`exceptions`), or as linked
    // events by versions before the chain was kept there.
    exceptions: [
      raised,
      ...(storedCauses(occurrence.exceptions, occurrence.sourceContext, group.platform, view) ??
        chain.map((link) => exceptionOf(link, link.group, eventSections(link.metadata, null).mechanism, view))),
    ],
    ...sections,
    /** Every thread the SDK sent (the crashed one first), each with its frames as the exception's are shown. */
    threads,
    /** Commits of the issue's first release and the event's that changed a file its application frames are in (the releases' commits, sent by a deploy step). */
    // Commit authors are people: not for an ingest key (seesPeople), which gets the commits without them.
    suspectCommits: suspectCommits(raised.frames, commits, view.codeMappings).map((c) => (seesPeople(auth) ? c : { ...c, authorName: null, authorEmail: null })),
    recovery:
      occurrence.recovered === null
        ? null
        : { recovered: occurrence.recovered, method: occurrence.recoveryMethod, durationMs: occurrence.recoveryDurationMs, automatic: occurrence.recoveryAutomatic },
    impact: { creditsLost: Number(occurrence.creditsLost), executionsAffected: occurrence.executionsAffected },
    /** Files sent with the event (screenshots, logs); download from /api/v1/attachments/:id. */
    attachments: attachments satisfies AttachmentSummary[],
    /** The event this one was caused by (native parentEventId) and the events it caused, across issues. */
    related: {
      causedBy: parent && !isChainLink ? { eventId: parent.eventId, groupId: parent.groupId, type: parent.group.type, message: parent.message } : null,
      caused: caused.map((c) => ({ eventId: c.eventId, groupId: c.groupId, type: c.group.type, message: c.message })),
    },
    links: {
      first: first?.eventId ?? null,
      previous: older?.eventId ?? null,
      next: newer?.eventId ?? null,
      latest: latest?.eventId ?? null,
    },
  };
  // An ingest key (the DSN's public key) reads the error, not the application's end users.
  return seesPeople(auth) ? event : eventWithoutEndUsers(event);
}

export type EventView = Awaited<ReturnType<typeof getEvent>>;

const PARENT_SELECT = { eventId: true, groupId: true, message: true, group: { select: { type: true } } } as const;

/**
 * The event this one names as its parent: linked at ingest when the parent was stored earlier or in
 * the same batch (`parentOccurrenceId`); else, for a child that arrived first, found now by its
 * `parentEventId` through ErrorEventId (its primary key) and the occurrence's own (id, occurredAt).
 */
async function parentOf(projectId: string, occurrence: ErrorOccurrence) {
  if (occurrence.parentOccurrenceId) return db().errorOccurrence.findFirst({ where: { id: occurrence.parentOccurrenceId }, select: PARENT_SELECT });
  if (!occurrence.parentEventId) return null;
  const parent = await db().errorEventId.findUnique({ where: { projectId_eventId: { projectId, eventId: occurrence.parentEventId } }, select: { occurrenceId: true, occurredAt: true } });
  if (!parent?.occurrenceId) return null;
  return db().errorOccurrence.findFirst({ where: { id: parent.occurrenceId, occurredAt: parent.occurredAt }, select: PARENT_SELECT });
}

/**
 * The events that name this one as their parent (at most 20, oldest first), a chained exception's
 * linked events excepted: those linked at ingest, and those that arrived before it (their
 * `parentEventId` only; the partial index ErrorOccurrence_unlinked_child_idx holds just them). SQL
 * because a JSON path absent from most children is NULL, and Prisma's NOT over it excluded them all.
 */
async function causedBy(projectId: string, occurrence: ErrorOccurrence) {
  const { rows } = await pool().query<{ eventId: string; groupId: string; message: string; type: string }>(
    `SELECT c."eventId", c."groupId", c.message, g.type
     FROM (
       (SELECT "eventId", "groupId", message, "occurredAt", metadata FROM "ErrorOccurrence" WHERE "parentOccurrenceId" = $1::uuid)
       UNION ALL
       (SELECT "eventId", "groupId", message, "occurredAt", metadata FROM "ErrorOccurrence"
        WHERE "projectId" = $2::uuid AND "parentEventId" = $3 AND "parentEventId" IS NOT NULL AND "parentOccurrenceId" IS NULL)
     ) c JOIN "ErrorGroup" g ON g.id = c."groupId"
     WHERE (c.metadata #>> '{sentry,chainedFrom}') IS DISTINCT FROM $3
     ORDER BY c."occurredAt" ASC
     LIMIT 20`,
    [occurrence.id, projectId, occurrence.eventId],
  );
  return rows.map((row) => ({ eventId: row.eventId, groupId: row.groupId, message: row.message, group: { type: row.type } }));
}

/**
 * The 404 for an event id the issue does not hold: when another issue of its project holds it now
 * (an unmerge or a merge moved it, its id kept in ErrorEventId) and the caller may see that issue,
 * the body names it (`movedTo`) so a link to the event still leads to it.
 */
async function eventNotFound(auth: AuthContext, group: { id: string; projectId: string }, eventId: string): Promise<ApiError> {
  const held = await db().errorEventId.findFirst({
    where: { projectId: group.projectId, eventId: { in: eventIdForms(eventId) }, groupId: { not: group.id }, occurrenceId: { not: null } },
    select: { groupId: true },
  });
  const visible = held ? await findVisibleError(auth, held.groupId).then(() => true, () => false) : false;
  return held && visible ? new ApiError(404, "not_found", "this event is in another issue now", { movedTo: held.groupId }) : ApiError.notFound("event not found");
}

function findOccurrence(groupId: string, selector: EventSelector, scope: Prisma.ErrorOccurrenceWhereInput) {
  if (selector === "latest" || selector === "oldest") {
    const dir = selector === "latest" ? "desc" : "asc";
    return db().errorOccurrence.findFirst({ where: scope, orderBy: [{ occurredAt: dir }, { id: dir }] });
  }
  return db().errorOccurrence.findFirst({ where: { groupId, eventId: { in: eventIdForms(selector.eventId) } } });
}

function neighbour(scope: Prisma.ErrorOccurrenceWhereInput, at: ErrorOccurrence, direction: "older" | "newer") {
  const cmp = direction === "older" ? "lt" : "gt";
  const bound = direction === "older" ? "lte" : "gte";
  const dir = direction === "older" ? "desc" : "asc";
  return db().errorOccurrence.findFirst({
    // The plain bound lets the (groupId, occurredAt) index start at the event instead of an end.
    where: { AND: [scope, { occurredAt: { [bound]: at.occurredAt } }, { OR: [{ occurredAt: { [cmp]: at.occurredAt } }, { occurredAt: at.occurredAt, id: { [cmp]: at.id } }] }] },
    orderBy: [{ occurredAt: dir }, { id: dir }],
    select: { eventId: true },
  });
}

function exceptionOf(
  occurrence: Pick<ErrorOccurrence, "eventId" | "message" | "stackTrace" | "sourceContext" | "exceptions">,
  group: GroupStack,
  mechanism: { type: string | null; handled: boolean | null } | null,
  view: FrameView,
  base: Frame[] = eventFrames(occurrence, group),
) {
  // The lines around each frame's own line, kept with the event (its stored chain keeps only the line).
  const frames = viewFrames(withSourceContext(base, occurrence.sourceContext), group.platform, view);
  return {
    eventId: occurrence.eventId,
    groupId: group.id,
    type: eventTypeOf(occurrence.exceptions, group.type),
    value: occurrence.message,
    mechanism,
    frames,
    stackTrace: occurrence.stackTrace,
    relation: "raised" as ExceptionRelation,
  };
}

/**
 * How frames are shown: the project's frame rules decide in-app; the release's source maps map
 * minified ones; its code mappings link each in-app frame to its file in the repository (`sourceUrl`).
 */
interface FrameView {
  override: FrameOverride | undefined;
  /** The event's frames came structured from an SDK: its in_app flags set by the user's configuration count (hasClientFrames). */
  clientFrames: boolean;
  /** The SDK flagged every frame of the event's chain in_app false: grouping judged them as unflagged (eventFrames.ts inAppFlagsUnset). */
  flagsUnset: boolean;
  maps: ReadonlyMap<string, SourceMap>;
  codeMappings: CodeMapping[];
  release: string | null;
  /** ProGuard mappings uploaded after the event arrived (its frames were stored obfuscated): applied for reading. */
  proguard: ProguardMapping[];
  /** The app's JVM source bundles the event lists: its Java / Kotlin frames' source lines. */
  jvmSources: SourceBundle[];
  /** Symbols of native binaries uploaded after the event arrived (its frames were stored as addresses), by debug ID; the binaries by load address. */
  native: { images: Map<bigint, string>; symbols: Map<string, BreakpadSymbols> };
}

function viewFrames(stored: Frame[], platform: string | null, view: FrameView) {
  const frames = view.native.symbols.size > 0 ? symbolicateFrames(stored, view.native.images, view.native.symbols) : stored;
  const retraced = view.proguard.length > 0 ? retraceFrames(frames, view.proguard, appPackageOf(view.release ?? undefined)) : frames;
  return withJvmSourceContext(applySourceMaps(retraced, view.maps), view.jvmSources).map((frame) => {
    const shown = viewFrame(frame, platform, view.override, view.clientFrames, view.flagsUnset);
    // The application's own files only: a dependency under the same root (node_modules, vendor) is not in the repository.
    const sourceUrl = shown.inApp ? sourceLink([frame.filename, frame.absPath], frame.lineno, view.codeMappings, view.release) : undefined;
    return { ...shown, ...(sourceUrl !== undefined && { sourceUrl }) };
  });
}

/**
 * The event's threads with their frames shown like the exception's. Ingest retraced and symbolicated
 * only the event's own stack, so every mapping and symbol file the event names is applied to the
 * threads' frames (both cached per instance); the threads are never grouped on.
 */
async function viewThreads(projectId: string, sections: EventSections, platform: string | null, view: FrameView) {
  if (!sections.threads.some((thread) => thread.frames.length > 0)) return sections.threads.map((thread) => ({ ...thread, frames: viewFrames(thread.frames, platform, view) }));
  const uuids = sections.proguard?.uuids ?? [];
  const debugIds = [...(sections.nativeSymbols?.symbolicated ?? []), ...(sections.nativeSymbols?.missing ?? [])];
  const [proguard, native] = await Promise.all([
    uuids.length > 0 ? proguardMappingsFor(projectId, uuids).then((r) => r.found) : view.proguard,
    debugIds.length > 0 ? nativeSymbolsFor(projectId, debugIds).then((r) => r.found) : view.native.symbols,
  ]);
  const threadView: FrameView = { ...view, proguard, native: { images: view.native.images, symbols: native } };
  return sections.threads.map((thread) => ({ ...thread, frames: viewFrames(thread.frames, platform, threadView) }));
}

/**
 * The causes (context, suppressed…) of a chain kept on the occurrence, shaped like the raised
 * exception, with the source lines the occurrence kept for their frames; null without any.
 */
function storedCauses(stored: unknown, sourceContext: unknown, platform: string | null, view: FrameView): ReturnType<typeof exceptionOf>[] | null {
  if (!Array.isArray(stored) || stored.length < 2) return null;
  return (stored as StoredChainException[]).slice(1).map((cause) => ({
    eventId: "",
    groupId: "",
    type: typeof cause.type === "string" ? cause.type : "Error",
    value: typeof cause.message === "string" ? cause.message : "",
    mechanism: null,
    frames: viewFrames(withSourceContext(validFrames(cause.frames) ?? [], sourceContext), platform, view),
    stackTrace: typeof cause.stackTrace === "string" ? cause.stackTrace : null,
    relation: EXCEPTION_RELATIONS.includes(cause.relation) ? cause.relation : "cause",
  }));
}

function asMetadata(metadata: unknown): Record<string, unknown> {
  return metadata && typeof metadata === "object" && !Array.isArray(metadata) ? (metadata as Record<string, unknown>) : {};
}

function sentryOf(metadata: unknown): Record<string, unknown> {
  return asMetadata(asMetadata(metadata).sentry);
}

function chainParentOf(metadata: unknown): string | null {
  const from = sentryOf(metadata).chainedFrom;
  return typeof from === "string" ? from : null;
}

function chainIndexOf(metadata: unknown): number {
  const index = sentryOf(metadata).chainIndex;
  return typeof index === "number" ? index : Number.MAX_SAFE_INTEGER;
}

/** The distributed trace an event belongs to (Sentry's trace context, or a native `traceId`). */
export function traceIdOf(metadata: unknown): string | null {
  const contexts = sentryOf(metadata).contexts;
  const trace = contexts && typeof contexts === "object" ? (contexts as Record<string, unknown>).trace : undefined;
  const id = trace && typeof trace === "object" ? (trace as Record<string, unknown>).trace_id : undefined;
  if (typeof id === "string" && id) return id;
  const meta = asMetadata(metadata);
  const native = meta.traceId ?? meta.trace_id;
  return typeof native === "string" && native ? native : null;
}

/**
 * The mappings of the UUIDs an obfuscated event lacked when it arrived that have been uploaded
 * since: its stored frames are retraced with them when viewed (it stays grouped as it was).
 */
async function lateProguardMappings(projectId: string, proguard: { missing: string[] } | null): Promise<{ found: ProguardMapping[]; missing: string[]; applied: string[] }> {
  if (!proguard || proguard.missing.length === 0) return { found: [], missing: [], applied: [] };
  const { found, missing } = await proguardMappingsFor(projectId, proguard.missing);
  return { found, missing, applied: proguard.missing.filter((uuid) => !missing.includes(uuid)) };
}

/**
 * The symbols of the native binaries an event lacked when it arrived that have been uploaded since:
 * its stored frames are symbolicated with them when viewed (it stays grouped as it was).
 */
async function lateNativeSymbols(projectId: string, native: { missing: string[] } | null): Promise<{ found: Map<string, BreakpadSymbols>; missing: string[]; applied: string[] }> {
  if (!native || native.missing.length === 0) return { found: new Map(), missing: [], applied: [] };
  const { found, missing } = await nativeSymbolsFor(projectId, native.missing);
  return { found, missing, applied: [...found.keys()] };
}

/**
 * The commits suspects are picked from: those of the release the issue first appeared in (where the
 * bug most likely shipped), then those of the event's own release when it is another (a regression,
 * or an issue whose first release's commits were never sent).
 */
async function suspectSources(projectId: string, firstRelease: string | null, eventRelease: string | null): Promise<ShippedCommit[]> {
  const releases = [...new Set([firstRelease, eventRelease].filter((r): r is string => Boolean(r)))];
  const lists = await Promise.all(releases.map(async (release) => (await releaseCommits(projectId, release)).map((commit) => ({ ...commit, release }))));
  return lists.flat();
}
