# syntax=docker/dockerfile:1
# Kitgate images, from one build:
#   web   (default target) the standalone Next server: `node server.js`, non-root, read-only root file system
#   tools the checkout with its node_modules: `prisma migrate deploy` (migration Job) and the job worker
# docker build -t kitgate:web . && docker build --target tools -t kitgate:tools .
# Writable paths at run time (mount them; the root file system can stay read-only): /tmp, /app/.next/cache, and
# /data when SQLite and the blob cache live there (the `single` overlay). Secrets come from the environment only.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
# better-sqlite3 is compiled from source here: no prebuilt binary is downloaded at install time
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
ENV npm_config_build_from_source=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm run build && bash scripts/build-standalone.sh /out

FROM ${NODE_IMAGE} AS tools
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 KITGATE_CONFIG=/etc/kitgate/kitgate.yaml
WORKDIR /app
COPY --from=build /src /app
RUN rm -rf /app/.next/cache /app/data
USER 1000:1000
CMD ["node_modules/.bin/prisma", "migrate", "deploy"]

FROM ${NODE_IMAGE} AS web
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 KITGATE_CONFIG=/etc/kitgate/kitgate.yaml
WORKDIR /app
# owned by root and not writable by the server's user: the code cannot be changed by the process running it
COPY --from=build /out /app
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
