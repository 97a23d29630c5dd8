/**
 * A response body produced page by page on demand: the next page is read from the database only
 * when the client has taken the previous one, so memory stays bounded by one page whatever the
 * export's size, and a client that stops reading stops the queries.
 */
export interface PagedSource<Row, Cursor> {
  head: string;
  tail: string;
  first: Cursor;
  page(cursor: Cursor): Promise<{ rows: Row[]; next: Cursor | null }>;
  /** Renders one row; `index` counts rows across pages (e.g. for separators). */
  render(row: Row, index: number): string;
}

export function pagedStream<Row, Cursor>(source: PagedSource<Row, Cursor>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Cursor | null = source.first;
  let index = 0;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          if (source.head) controller.enqueue(encoder.encode(source.head));
          return;
        }
        if (cursor === null) {
          if (source.tail) controller.enqueue(encoder.encode(source.tail));
          controller.close();
          return;
        }
        const { rows, next } = await source.page(cursor);
        let chunk = "";
        for (const row of rows) chunk += source.render(row, index++);
        cursor = rows.length === 0 ? null : next;
        if (chunk) controller.enqueue(encoder.encode(chunk));
      },
    },
    { highWaterMark: 1 },
  );
}
