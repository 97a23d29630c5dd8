// Types of startupChecks.mjs for its vitest file (the scripts themselves are plain ESM).
export class StartupError extends Error {}
export const MIN_FREE_BYTES: number;
export function assertPortFree(port: number, options: { host?: string; what: string; envVar: string }): Promise<void>;
export function describePortError(error: { code?: string; message?: string }, options: { port: number; host: string; what: string; envVar: string }): StartupError;
export function assertEnoughDisk(dir: string, options?: { minBytes?: number; envVar?: string }): void;
export function findClosedFolder(target: string, postgres?: { uid: number | null; gid: number | null }): string | null;
export function closedFolderError(folder: string, what: string): StartupError;
export function describeEmbeddedFailure(log: string, context: { dataDir: string; port: number }): StartupError;
export function assertDatabaseReachable(url: string, options?: { timeoutMs?: number }): Promise<void>;
export function describeDatabaseError(error: unknown, url: URL, timeoutMs?: number): StartupError;
export function describeStartupError(error: unknown): string;
export function formatBytes(bytes: number): string;
