# syntax=docker/dockerfile:1
# Komodo Journeys: the built site plus the gateway, one Node process (`npm start`) on $PORT.
# Runs as the image's non-root `node` user and works with a read-only root filesystem as long as
# /tmp is writable (tsx and npm keep their caches there) and DEVCHAIN_DATA points at a volume.

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ── build: install everything, build the static site ─────────────────────────────────────────────
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ── runtime dependencies only ────────────────────────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# ── runtime ──────────────────────────────────────────────────────────────────────────────────────
# npm forwards SIGTERM to its script shell; dash would die and orphan the server, bash execs the
# single command so `docker stop` reaches server/start.ts, which closes the devchain cleanly.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DEVCHAIN_DATA=/data \
    npm_config_script_shell=/bin/bash \
    npm_config_cache=/tmp/.npm \
    npm_config_update_notifier=false \
    npm_config_fund=false
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json package-lock.json tsconfig.json ./
COPY --chown=root:root protocol ./protocol
COPY --chown=root:root devchain ./devchain
COPY --chown=root:root modules ./modules
COPY --chown=root:root server ./server
COPY --chown=root:root deploy/chain.env ./deploy/chain.env
COPY --from=build --chown=root:root /app/.vuepress/dist ./.vuepress/dist
# The devchain's data lives outside the (read-only) image; the node user owns it.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8080
# No curl in the image: Node itself asks /healthz.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["npm", "start"]
