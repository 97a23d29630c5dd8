// Types of envValues.mjs for the TypeScript sources (the scripts themselves are plain ESM).
type Source = Record<string, string | undefined>;

export const LOG_LEVELS: readonly ["trace", "debug", "info", "warn", "error", "fatal", "silent"];
export type LogLevel = (typeof LOG_LEVELS)[number];
export const FLAG_VALUES: string;
export function flagValue(text: string): boolean | null;
export function envText(source: Source, name: string): string | undefined;
export function envFlag(source: Source, name: string, fallback?: boolean): boolean;
export function envInteger(source: Source, name: string, bounds: { fallback: number; min: number; max: number }): number;
export function envNumber(source: Source, name: string, bounds: { fallback: number; min: number; max: number }): number;
export function envPort(source: Source, name: string, fallback: number): number;
export function envLogLevel(source: Source): LogLevel;
export function instanceUrl(source: Source): string;
