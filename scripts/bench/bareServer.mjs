// The ceiling of any HTTP ingest path on this machine: a bare node:http server that reads the body
// and answers 202 with a small JSON body (GET: 200). Run as its own process by bench:ingest.
import http from "node:http";

const port = Number(process.argv[2] ?? 41190);
const reply = JSON.stringify({ accepted: [], rejected: [] });

http
  .createServer((req, res) => {
    req.on("data", () => undefined);
    req.on("end", () => {
      res.writeHead(req.method === "POST" ? 202 : 200, { "content-type": "application/json", "content-length": Buffer.byteLength(reply) });
      res.end(reply);
    });
  })
  .listen(port, "127.0.0.1", () => process.send?.("ready"));
