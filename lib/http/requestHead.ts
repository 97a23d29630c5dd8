/**
 * What request checks read before the body: the URL and the headers. A Fetch `Request` is one, and
 * so is the ingest fast path's adapter over node:http (lib/intake/nodeAdapter.ts).
 */
export interface RequestHead {
  /** The absolute request URL. */
  url: string;
  headers: { get(name: string): string | null };
}

/** A request whose body can be read as it arrives (a Fetch `Request` is adapted by `bodySourceOf`). */
export interface BodySource {
  headers: { get(name: string): string | null };
  body: AsyncIterable<Uint8Array> | null;
}

/** A Fetch request's body stream as an async iterable; leaving the loop early cancels the stream. */
export function bodySourceOf(req: Request): BodySource {
  return { headers: req.headers, body: req.body ? chunksOf(req.body) : null };
}

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}
