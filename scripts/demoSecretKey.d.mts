export interface SealedRowCounts {
  twoFactor: number;
  channels: number;
  forwardingRules: number;
  uptimeMonitors: number;
  ingestKeys: number;
  total: number;
}

export const SECRET_KEY_FILE: string;
/** The embedded database's FAULTLINE_SECRET_KEY from .faultline/secret.key, generated there first when missing. */
export function demoSecretKey(root: string, onGenerated?: (file: string) => void): string;
/** As demoSecretKey, but refuses (StartupError) to generate a key while the database holds sealed rows. */
export function embeddedSecretKey(root: string, options: { sealedRows: () => Promise<SealedRowCounts>; onGenerated?: (file: string) => void }): Promise<string>;
export function secretKeyPlan(input: { keyFileExists: boolean; sealed: number }): "read" | "generate" | "refuse";
export function missingKeyMessage(file: string, counts: SealedRowCounts): string;
export function countSealedRows(databaseUrl: string): Promise<SealedRowCounts>;
