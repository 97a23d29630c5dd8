import { z } from "zod";

/** When an ingest request is answered (INGEST_ACK; lib/intake/ingestAck.ts says what each means). */
export const INGEST_ACK_MODES = ["commit", "log", "auto"] as const;
export const IngestAckSchema = z.enum(INGEST_ACK_MODES);
export type IngestAck = z.infer<typeof IngestAckSchema>;
