// A Node process using @faultline/client, for the client API test:
//   crash — an uncaught exception: reported, then the process exits 1 as Node would;
//   exit  — an error captured and the script simply ends: the client sends it before exiting.
import { captureException, init } from "@faultline/client";

class ChildCrash extends Error {
  name = "ChildCrash";
}
class ChildQuietError extends Error {
  name = "ChildQuietError";
}

init({ url: process.env.FAULTLINE_URL, key: process.env.FAULTLINE_KEY, flushIntervalMs: 60_000 });

if (process.argv[2] === "crash") {
  setTimeout(() => {
    throw new ChildCrash("boom from the child");
  }, 0);
} else {
  captureException(new ChildQuietError("captured, never flushed by hand"));
}
