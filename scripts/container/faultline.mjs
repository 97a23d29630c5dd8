#!/usr/bin/env node
// The image's `faultline` command: the admin CLI (README, "Admin CLI") for an operator without a
// browser, e.g. `docker compose exec app faultline user:reset-password --email ada@example.com`.
// Runs the CLI's bundle the build wrote (scripts/cliBundle.mjs) with the container's environment
// (DATABASE_URL, FAULTLINE_SECRET_KEY, PUBLIC_URL).
import { pathToFileURL } from "node:url";
import { cliBundleFile } from "../buildPaths.mjs";

await import(pathToFileURL(cliBundleFile()).href);
