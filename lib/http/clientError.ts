import { maxHeaderSize } from "node:http";
import type { Duplex } from "node:stream";
import { logger } from "@/lib/logger";

interface ClientErrorAnswer {
  status: number;
  reason: string;
  body: { error: { code: string; message: string; field?: string; limit?: number } };
}

/**
 * What a request node:http could not parse is answered (its 'clientError'), by the error's code:
 * a request line and headers over node's limit (a URL with a long `query=`) 431, a chunk extension
 * over its limit 413, headers not received in time 408, a body the client half-closed the connection
 * before sending whole (`HPE_INVALID_EOF_STATE`: Content-Length not reached, a chunked body without
 * its last chunk) 400 `body_incomplete` naming `body`, as a body cut off while read is answered
 * (lib/http/readBody.ts), anything else (not HTTP, a bad header) 400.
 * In the API's error shape — node's own answers have no body. Never the request's bytes.
 */
export function clientErrorAnswer(code: string | undefined): ClientErrorAnswer {
  switch (code) {
    case "HPE_HEADER_OVERFLOW":
      return {
        status: 431,
        reason: "Request Header Fields Too Large",
        body: {
          error: {
            code: "request_header_fields_too_large",
            message: `the request line and headers exceed ${maxHeaderSize} bytes: shorten the URL (a long search query: send fewer terms) or the headers`,
            limit: maxHeaderSize,
          },
        },
      };
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return { status: 413, reason: "Payload Too Large", body: { error: { code: "payload_too_large", message: "a chunk extension of the body is too large", field: "body" } } };
    case "HPE_INVALID_EOF_STATE":
      return { status: 400, reason: "Bad Request", body: { error: { code: "body_incomplete", message: "the request body ended before it was complete (the connection was closed)", field: "body" } } };
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, reason: "Request Timeout", body: { error: { code: "request_timeout", message: "the request was not received in time" } } };
    default:
      return { status: 400, reason: "Bad Request", body: { error: { code: "bad_request", message: "the request is not valid HTTP/1.1 (its request line or a header is malformed)" } } };
  }
}

/**
 * node:http's 'clientError' listener (scripts/server.mjs): the JSON answer of clientErrorAnswer,
 * then the connection is closed (the parser cannot go on) — as node does with its bare answer, and
 * only where node would answer at all: a connection still open on which no answer has begun (not a
 * client that reset it). One debug line with the code: the request's bytes (`rawPacket`) are never
 * logged, and a flood of bad requests floods no log.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  logger.debug("malformed request", { code: error.code });
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code !== "ECONNRESET" && socket.writable && !inFlight?.headersSent) {
    const { status, reason, body } = clientErrorAnswer(error.code);
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(json)}\r\ncache-control: no-store\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}
