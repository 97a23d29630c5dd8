import { WorkspaceParamsSchema } from "@/lib/http/workspaceRoute";
import { CreateIngestKeySchema, CreateProjectSchema, DeleteProjectSchema, IngestKeyParamsSchema, ProjectParamsSchema, UpdateProjectSchema } from "@/lib/projects/projectSchemas";
import { InboundFiltersSchema } from "@/lib/ingest/filters/inboundFilterSchema";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { ReleaseCommitParamsSchema, SetReleaseCommitsSchema } from "@/lib/releases/commits/releaseCommitSchemas";
import { DeclaredReleaseParamsSchema, NewDeploySchema, NewReleaseSchema, UpdateReleaseSchema } from "@/lib/releases/declared/declaredReleaseSchemas";
import { SourceBundleParamsSchema } from "@/lib/jvmSources/sourceBundleSchemas";
import { AssembleDifsSchema, ProguardParamsSchema, UploadProguardQuerySchema } from "@/lib/proguard/proguardSchemas";
import { NativeSymbolParamsSchema } from "@/lib/native/nativeSymbolSchemas";
import { AssembleBundleSchema } from "@/lib/sourcemaps/bundles/chunkUploadSchemas";
import { OrganizationParamsSchema, SentryProjectParamsSchema } from "@/lib/workspaces/workspaceSchemas";
import { ListSourceMapsQuerySchema, SourceMapParamsSchema, UploadSourceMapQuerySchema } from "@/lib/sourcemaps/sourceMapSchemas";

export const projectRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/v1/projects/{projectId}", tag: "Projects", auth: "session", role: "viewer",
    summary: "A project with its DSN id", params: ProjectParamsSchema,
    responses: { 200: "the project" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/workspaces/{workspaceId}/projects", tag: "Projects", auth: "session", role: "admin",
    summary: "Create a project with its first ingest key and DSN (the key can be revealed again later: `GET …/keys/{keyId}/dsn`)", params: WorkspaceParamsSchema, body: CreateProjectSchema,
    description: "The name is unique in the workspace, ignoring case (409 naming `name`). The slug — sentry-cli's `SENTRY_PROJECT`, searches' `project:<slug>` — is made from the name and unique in the workspace: `checkout`, then `checkout-2`, …; `project` (then `project-2`, …) for a name without Latin letters or digits.",
    responses: { 201: "`{id, publicId, name, slug, platform, dsn, ingestKey, …}`" }, errors: [401, 403, 404, 409, 422],
  },
  {
    method: "PATCH", path: "/api/v1/projects/{projectId}", tag: "Projects", auth: "session", role: "admin",
    summary: "Name, slug, platform, browser origins, rate limit, retention, quotas and sampling (audited)",
    description: "A new `name` keeps the slug (sentry-cli, searches and assignment rules name the project by it); `slug` changes it: lower-case letters, digits and single hyphens, not digits only. A name (ignoring case) or slug another project of the workspace has is a 409 naming `name` / `slug`. `retentionDays` is how long occurrences are kept (the retention job); `quotaPerMinute` and `quotaPerDay` (UTC) cap accepted events on both ingest doors (429 over them; null removes the quota); `spikeProtection` turns spike protection on or off; `maxEventsPerIssue` caps the occurrences stored per issue (first, latest and a sample past it; null: no cap). Counts stay exact either way.",
    params: ProjectParamsSchema, body: UpdateProjectSchema,
    responses: { 200: "the project" }, errors: [401, 403, 404, 409, 422],
  },
  {
    method: "DELETE", path: "/api/v1/projects/{projectId}", tag: "Projects", auth: "session", role: "admin",
    summary: "Delete the project with its issues, events, rollups and keys; `confirmName` repeats its name (audited). It is hidden and its keys revoked at once (events on their way are refused), then its rows go in short batches; 204 once they are gone", params: ProjectParamsSchema, body: DeleteProjectSchema,
    responses: { 204: "deleted" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/projects/{projectId}/keys", tag: "Projects", auth: "session", role: "admin",
    summary: "Ingest keys (prefix only; `revealable`: a live key whose sealed copy is kept)", params: ProjectParamsSchema,
    responses: { 200: "`{items: [{id, name, keyPrefix, createdAt, revokedAt, lastUsedAt, revealable}]}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/projects/{projectId}/keys", tag: "Projects", auth: "session", role: "admin",
    summary: "Create an ingest key (kept sealed: admins can reveal it again)", params: ProjectParamsSchema, body: CreateIngestKeySchema,
    responses: { 201: "`{id, name, key, keyPrefix, createdAt}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "DELETE", path: "/api/v1/projects/{projectId}/keys/{keyId}", tag: "Projects", auth: "session", role: "admin",
    summary: "Revoke an ingest key (kept for the record; its sealed copy is dropped)", params: IngestKeyParamsSchema,
    responses: { 204: "revoked" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/projects/{projectId}/keys/{keyId}/dsn", tag: "Projects", auth: "session", role: "admin",
    summary: "Reveal a live ingest key in full with its DSN, opened from its sealed copy (audited: `ingest_key.revealed`)",
    description: "The DSN is built as at creation (`PUBLIC_URL`, else the request's host). Refusals name the key (`keyId`): 410 `ingest_key_revoked` (a revoked key is never shown again), 409 `ingest_key_not_kept` (created before keys were kept: create a new key), 503 `secret_key_mismatch` (the sealed copy does not open with `FAULTLINE_SECRET_KEY`: it was changed without `FAULTLINE_SECRET_KEY_PREVIOUS`). `Cache-Control: private, no-store`.",
    params: IngestKeyParamsSchema,
    responses: { 200: "`{id, name, keyPrefix, key, dsn}`" }, errors: [401, 403, 404, 409, 410, 422, 503],
  },
  {
    method: "GET", path: "/api/v1/projects/{projectId}/sourcemaps", tag: "Projects", auth: "session", role: "viewer",
    summary: "The project's source maps (release, minified file URL, size, sources; never the content), newest first",
    params: ProjectParamsSchema, query: ListSourceMapsQuerySchema, responses: { 200: "`{items}`" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/projects/{projectId}/sourcemaps", tag: "Projects", auth: "session", role: "member",
    summary: "Upload a source map for one minified file (the body is the .map file, ≤ 32 MB, gzip allowed); replaces the map of that release and URL, or of that debug ID",
    description: "`url` is the minified file's URL (`https://host/static/js/main.js`), `~/static/js/main.js` for that path on any host, or an absolute file path (Node). The event viewer maps frames of events of `release` in that file to their original file, line, column, enclosing function and source lines (from `sourcesContent`). Ingest groups such events on those frames too. A map that carries a `debugId` (bundler plugins, `sentry-cli sourcemaps inject`) is also kept by it — events listing that ID map by it whatever their release — and `release` may then be left out (422 naming `release` when the map has none). A body that is not a v3 source map answers 422 naming `body`.",
    params: ProjectParamsSchema, query: UploadSourceMapQuerySchema, bodyContentType: "application/json",
    responses: { 201: "`{id, release, url, debugId, size, sourceCount, createdAt}`" }, errors: [401, 403, 404, 413, 422],
  },
  {
    method: "GET", path: "/api/0", tag: "Projects", auth: "session",
    summary: "Who the token is and what it may do, in Sentry's scope names (`sentry-cli info` checks a configuration with it)",
    responses: { 200: "`{version, user: {id, email, name}, auth: {scopes}}`" }, errors: [401],
  },
  {
    method: "GET", path: "/api/0/organizations/{org}", tag: "Projects", auth: "session", role: "viewer",
    summary: "The workspace as Sentry's tools read an organization: `{id, slug, name, dateCreated, links: {organizationUrl, regionUrl}}`",
    params: OrganizationParamsSchema, responses: { 200: "the organization" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/0/organizations/{org}/chunk-upload", tag: "Projects", auth: "session", role: "viewer",
    summary: "sentry-cli's upload settings for the workspace `org` (its slug or id): where and how to send an artifact bundle's chunks",
    description: "For `sentry-cli sourcemaps upload` (and the bundler plugins, which run it) with `SENTRY_URL` set to this server, `SENTRY_AUTH_TOKEN` an API token, `SENTRY_ORG` the workspace's slug and `SENTRY_PROJECT` the project's slug. Answers `{url, chunkSize, chunksPerRequest, maxRequestSize, maxFileSize, concurrency, hashAlgorithm: \"sha1\", compression: [\"gzip\"], accept}`.",
    params: OrganizationParamsSchema, responses: { 200: "the upload settings" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/0/organizations/{org}/chunk-upload", tag: "Projects", auth: "session", role: "member",
    summary: "Pieces of an artifact bundle (multipart files `file` or `file_gzip`, each named by the SHA-1 of its bytes; ≤ 4 per request, ≤ 8 MiB each)",
    description: "Kept an hour for the assembly. A part whose name is not the SHA-1 of its (decompressed) bytes, or of another field, answers 400 naming it (`file[0]`).",
    params: OrganizationParamsSchema, bodyContentType: "multipart/form-data", responses: { 200: "`{}`" }, errors: [400, 401, 403, 404, 413],
  },
  {
    method: "POST", path: "/api/0/organizations/{org}/artifactbundle/assemble", tag: "Projects", auth: "session", role: "member",
    summary: "Assemble an uploaded artifact bundle and store its source maps in `projects` (by debug ID, and under `version` as the release)",
    description: "While chunks are missing: `{state: \"not_found\", missingChunks}`. Then the bundle (a ZIP with `manifest.json`, ≤ 64 MiB) is checked against `checksum` and read: each `source_map` is stored for the minified file that references it, with its `debug-id` — an event listing that ID in `debug_meta.images` (`{type: \"sourcemap\", code_file, debug_id}`) is mapped by it whatever its release — and under `version` when given. `{state: \"ok\"}`, or `{state: \"error\", detail}` naming the file at fault, storing nothing (a map that does not parse; a map with no debug ID when no `version` is given). `dist` is accepted and not used.",
    params: OrganizationParamsSchema, body: AssembleBundleSchema, responses: { 200: "`{state, missingChunks, detail}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/0/organizations/{org}/repos", tag: "Projects", auth: "session", role: "viewer",
    summary: "Repository integrations as sentry-cli lists them: none, so `sentry-cli releases set-commits --auto` reads commits from local git",
    params: OrganizationParamsSchema, responses: { 200: "`[]`" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/0/organizations/{org}/releases", tag: "Projects", auth: "session", role: "member",
    summary: "Declare a release for projects (slugs, ids or DSN ids): `sentry-cli releases new`, Sentry's bundler plugins",
    description: "201 with the release as sentry-cli reads it (`{version, url, dateCreated, dateReleased, projects: [{slug, name}], lastCommit}`); 200 when it was declared before (the projects are added).",
    params: OrganizationParamsSchema, body: NewReleaseSchema, responses: { 200: "the release (it existed)", 201: "the release" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/0/organizations/{org}/releases/{version}", tag: "Projects", auth: "session", role: "viewer",
    summary: "A declared release (404 when no tool declared it)", params: DeclaredReleaseParamsSchema, responses: { 200: "the release" }, errors: [401, 404, 422],
  },
  {
    method: "PUT", path: "/api/0/organizations/{org}/releases/{version}", tag: "Projects", auth: "session", role: "member",
    summary: "Finalize a declared release (`dateReleased`), add projects, or set its commits from `sentry-cli releases set-commits --local`",
    description: "`commits` (`[{id, message, author_name, author_email, timestamp, patch_set: [{path, type}]}]`, newest first) are set for each of the release's projects as `PUT /api/v1/projects/{projectId}/releases/{version}/commits` sets them (suspect commits, \"Fixes\" resolutions); an invalid one answers 422 naming `commits[i].id`. `refs: []` (`--clear`) removes them; `refs` naming commits need a repository integration Faultline does not have: 400 naming `refs`.",
    params: DeclaredReleaseParamsSchema, body: UpdateReleaseSchema, responses: { 200: "the release" }, errors: [400, 401, 403, 404, 413, 422],
  },
  {
    method: "GET", path: "/api/0/organizations/{org}/releases/{version}/previous-with-commits", tag: "Projects", auth: "session", role: "viewer",
    summary: "Where `set-commits --local` starts its range: the newest commit of the release's projects' other releases (`{}` when none has commits)",
    params: DeclaredReleaseParamsSchema, responses: { 200: "`{version, lastCommit: {id}, …}` or `{}`" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/0/organizations/{org}/releases/{version}/deploys", tag: "Projects", auth: "session", role: "viewer",
    summary: "The release's deploys, newest first (`sentry-cli deploys list`)", params: DeclaredReleaseParamsSchema,
    responses: { 200: "`[{id, environment, name, url, dateStarted, dateFinished}]`" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/0/organizations/{org}/releases/{version}/deploys", tag: "Projects", auth: "session", role: "member",
    summary: "Record a deploy of the release to an environment (`sentry-cli deploys new -r <version> -e <environment>`); the release page lists them",
    params: DeclaredReleaseParamsSchema, body: NewDeploySchema, responses: { 201: "`{id, environment, name, url, dateStarted, dateFinished}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/projects/{projectId}/releases/{version}/commits", tag: "Projects", auth: "session", role: "viewer",
    summary: "The commits a release shipped, as a deploy step sent them, newest first",
    params: ReleaseCommitParamsSchema, responses: { 200: "`{release, commits: [{sha, message, authorName, authorEmail, committedAt, files}], previousHeads: [{release, sha, committedAt}]}` (`previousHeads`: the newest commit of each other release with commits, latest committed first, ≤ 10: where `faultline-release commits --auto` starts its range)" }, errors: [401, 404, 422],
  },
  {
    method: "PUT", path: "/api/v1/projects/{projectId}/releases/{version}/commits", tag: "Projects", auth: "session", role: "member",
    summary: "Set the commits a release shipped (≤ 1,000, newest first, ≤ 8 MB), replacing what was sent before",
    description: "A deploy step sends `git log`'s commits between the previous release and this one: `sha`, `message`, `author: {name, email}`, `timestamp` (ISO 8601) and `files` (the paths it changed, ≤ 1,000). The event view then names *suspect commits*: those of the issue's first release and of the event's release that changed a file one of its application frames is in (through the project's code mappings, or the last two path segments), with a link to the commit when a code mapping names the repository. A repeated `sha` answers 422 naming `commits[i].sha`. A commit new to the release whose message says `Fixes <issue id or address>` (fix/fixes/fixed, close/closes/closed, resolve/resolves/resolved) resolves that issue of the project in the next release; `resolvedIssues` lists them.",
    params: ReleaseCommitParamsSchema, body: SetReleaseCommitsSchema, responses: { 200: "`{release, commits, resolvedIssues}` (how many were stored; the issues their messages fixed)" }, errors: [401, 403, 404, 413, 422],
  },
  {
    method: "GET", path: "/api/v1/projects/{projectId}/inbound-filters", tag: "Projects", auth: "session", role: "viewer",
    summary: "The project's inbound filters, and how many events they dropped in the last 24 hours and 30 days",
    params: ProjectParamsSchema, responses: { 200: "`{projectId, filters, filtered: {last24h, last30d, byReason}}` (`byReason`: the last 30 UTC days per reason, discarded issues included)" }, errors: [401, 404, 422],
  },
  {
    method: "PUT", path: "/api/v1/projects/{projectId}/inbound-filters", tag: "Projects", auth: "session", role: "admin",
    summary: "Replace the project's inbound filters (omitted fields are off or empty); events they match are answered as received and not stored",
    description: "`browserExtensions`, `localhost`, `webCrawlers`, `legacyBrowsers` (booleans) and `errorMessages`, `releases` (≤ 100 globs each, `*` any run, `?` one character, case-insensitive; messages are matched as `Type: message` and as the message alone). Filtered events count in the ingest health as `filtered`, in no issue and against no quota; the native endpoint lists them as `filtered: [{index, eventId, reason}]`. Other instances apply a change within 10 s. Audited.",
    params: ProjectParamsSchema, body: InboundFiltersSchema, responses: { 200: "`{projectId, filters, filtered}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "DELETE", path: "/api/v1/projects/{projectId}/sourcemaps/{sourceMapId}", tag: "Projects", auth: "session", role: "member",
    summary: "Delete a source map", params: SourceMapParamsSchema, responses: { 204: "deleted" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/projects/{projectId}/proguard", tag: "Projects", auth: "session", role: "viewer",
    summary: "The project's ProGuard / R8 mappings, newest first (never their content)",
    params: ProjectParamsSchema, responses: { 200: "`{items: [{uuid, size, classCount, createdAt}]}`" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/projects/{projectId}/proguard", tag: "Projects", auth: "session", role: "member",
    summary: "Upload a ProGuard / R8 mapping file (the body; gzip allowed, ≤ 64 MiB) under `uuid`",
    description: "Obfuscated Android / JVM events that list the UUID (`proguardUuids`; Sentry SDKs: `debug_meta.images` `{type: \"proguard\", uuid}`) are retraced with it before they are grouped and stored: frames get their original class, method, file and line (a frame R8 inlined several methods into becomes one per method), exception classes their original names. Without `uuid`, the UUID Sentry's tooling derives from the file's bytes (what `sentry-cli upload-proguard` and the Android Gradle plugin write into the app). Replaces what the UUID had. A body that is not a mapping answers 422 naming `body`. `sentry-cli upload-proguard` uploads through `POST /api/0/projects/{org}/{project}/files/difs/assemble`.",
    params: ProjectParamsSchema, query: UploadProguardQuerySchema, responses: { 201: "`{uuid, size, classCount, createdAt}`" }, errors: [401, 403, 404, 413, 422],
  },
  {
    method: "DELETE", path: "/api/v1/projects/{projectId}/proguard/{uuid}", tag: "Projects", auth: "session", role: "member",
    summary: "Delete a ProGuard mapping (events already stored stay as they were retraced)", params: ProguardParamsSchema, responses: { 204: "deleted" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/projects/{projectId}/source-bundles", tag: "Projects", auth: "session", role: "viewer",
    summary: "The project's JVM source bundles, newest first (never their content)",
    description: "Uploaded with `sentry-cli debug-files bundle-jvm` + `sentry-cli debug-files upload --type jvm` (Sentry's Android Gradle plugin with `includeSourceContext`). Events that list a bundle's debug ID (`jvmSourceBundles`; Sentry SDKs: `debug_meta.images` `{type: \"jvm\", debug_id}`) show their Java / Kotlin frames' source lines from it.",
    params: ProjectParamsSchema, responses: { 200: "`{items: [{debugId, size, fileCount, createdAt}]}`" }, errors: [401, 404, 422],
  },
  {
    method: "DELETE", path: "/api/v1/projects/{projectId}/source-bundles/{debugId}", tag: "Projects", auth: "session", role: "member",
    summary: "Delete a JVM source bundle", params: SourceBundleParamsSchema, responses: { 204: "deleted" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/projects/{projectId}/native-symbols", tag: "Projects", auth: "session", role: "viewer",
    summary: "The project's Breakpad symbol files, newest first (never their content)",
    params: ProjectParamsSchema, responses: { 200: "`{items: [{debugId, name, os, arch, size, functionCount, createdAt}]}`" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/projects/{projectId}/native-symbols", tag: "Projects", auth: "session", role: "member",
    summary: "Upload a Breakpad symbol file (`.sym` from dump_syms; the body, gzip allowed, ≤ 64 MiB)",
    description: "Stored under the debug ID its MODULE record names (replacing what that ID had). Native events whose frames carry only an address (`instructionAddr` + `imageAddr`, with `nativeImages` naming the binary's debug ID; Sentry SDKs: `debug_meta.images` of sentry-native, Crashpad, sentry-cocoa…) are symbolicated with it before they are grouped and stored: function, source file and line, one frame per inlined call. `sentry-cli debug-files upload app.sym` uploads through `POST /api/0/projects/{org}/{project}/files/difs/assemble`. A body that is not a symbol file answers 422 naming `body`.",
    params: ProjectParamsSchema, responses: { 201: "`{debugId, name, os, arch, size, functionCount, createdAt}`" }, errors: [401, 403, 404, 413, 422],
  },
  {
    method: "DELETE", path: "/api/v1/projects/{projectId}/native-symbols/{debugId}", tag: "Projects", auth: "session", role: "member",
    summary: "Delete a symbol file (events already stored stay as they were symbolicated)", params: NativeSymbolParamsSchema, responses: { 204: "deleted" }, errors: [401, 403, 404, 422],
  },
  {
    method: "POST", path: "/api/0/projects/{org}/{project}/files/difs/assemble", tag: "Projects", auth: "session", role: "member",
    summary: "Assemble uploaded chunks into debug files of a project: `sentry-cli upload-proguard`, `sentry-cli debug-files upload --type jvm` (and Sentry's Android Gradle plugin), `sentry-cli debug-files upload app.sym`",
    description: "The body maps each file's SHA-1 to `{name, chunks, debug_id}`. Per file: `{state: \"not_found\", missingChunks}` while chunks are missing, then `{state: \"ok\", dif}` once it is stored: a mapping under the UUID its name carries (`/proguard/<uuid>.txt`), a JVM source bundle (a ZIP with a `manifest.json` of sources) under `debug_id` or its manifest's, a Breakpad symbol file under the debug ID of its MODULE record. Faultline reads those three only: other debug files (dSYM, ELF, PDB: turn them into a .sym with dump_syms) answer `{state: \"error\", detail}` and are not stored.",
    params: SentryProjectParamsSchema, body: AssembleDifsSchema, responses: { 200: "`{[sha1]: {state, missingChunks, detail, dif?}}`" }, errors: [401, 403, 404, 422],
  },
];
