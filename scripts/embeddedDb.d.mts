export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
  stopWatching(): void;
}

export function startEmbeddedPostgres(options: { dataDir: string; port: number; database: string; portEnvVar?: string; restartOnCrash?: boolean }): Promise<EmbeddedDatabase>;

/** Whether `pid` runs PostgreSQL (from /proc; true where /proc cannot tell). */
export function isPostgres(pid: number): boolean;
