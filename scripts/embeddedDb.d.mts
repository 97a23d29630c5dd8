export function startEmbeddedPostgres(options: { dataDir: string; port: number; database: string }): Promise<{ url: string; stop: () => Promise<void> }>;
