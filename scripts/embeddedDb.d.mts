export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export function startEmbeddedPostgres(options: { dataDir: string; port: number; database: string }): Promise<EmbeddedDatabase>;
