# Faultline container image: Next.js standalone output run by scripts/server.mjs (the ingest fast
# path in front of Next.js's handler, as npm start runs it), non-root, with a healthcheck.
#   docker build -t faultline .
#   docker compose up            (app + PostgreSQL; see docker-compose.yml and docs/operations.md)
# Migrations are applied on start (Prisma Migrate under its advisory lock); set FAULTLINE_MIGRATE=0
# on instances that should not migrate. Base image: any Debian/Ubuntu-based Node 20+ image.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1 CI=true
# Dependencies first, so a source change does not reinstall them.
COPY package.json package-lock.json prisma.config.ts ./
# The npm workspace of @faultline/client (the app reports its own errors through it).
COPY packages/client/package.json ./packages/client/package.json
COPY prisma ./prisma
# Install scripts are skipped (they would fetch Prisma engines and link embedded PostgreSQL, neither
# needed here); the client is generated offline through the WASM schema engine.
RUN npm install --ignore-scripts --no-audit --no-fund && npx prisma generate
COPY . .
RUN node packages/client/scripts/build.mjs && npx next build && node scripts/buildFastPath.mjs && node scripts/container/assemble.mjs /runtime

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    FAULTLINE_SPOOL_DIR=/var/lib/faultline/spool
RUN groupadd --system --gid 10001 faultline \
 && useradd --system --uid 10001 --gid faultline --home-dir /app --no-create-home --shell /usr/sbin/nologin faultline
WORKDIR /app
# Code stays owned by root (read-only for the app); only Next's cache folder is writable.
COPY --from=build /runtime ./
# The admin CLI as a command: docker compose exec app faultline help
RUN chown -R faultline:faultline /app/.next/cache \
 && mkdir -p /var/lib/faultline/spool && chown -R faultline:faultline /var/lib/faultline \
 && ln -s /app/scripts/container/faultline.mjs /usr/local/bin/faultline
# Events accepted while PostgreSQL is unreachable wait here (docs/reliability.md): keep it on a volume.
VOLUME /var/lib/faultline/spool
USER faultline
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=15s --start-period=90s --retries=3 CMD ["node", "scripts/container/healthcheck.mjs"]
CMD ["node", "scripts/container/serve.mjs"]
