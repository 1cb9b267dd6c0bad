# syntax=docker/dockerfile:1
# streetworks-gateway: build with the dev toolchain, run with production dependencies only, as a non-root user.
# No Docker engine runs where this was written, so this file is checked by reading; see README "Container".

ARG NODE_IMAGE=node:22-bookworm-slim

# ---- build: compile TypeScript with the full toolchain ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
RUN npm run build

# ---- deps: production dependencies only, no compilers or test tools ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
# Street Manager's specs are read at run time (upstream contract checks); the served documents come from the code.
COPY --chown=node:node openapi ./openapi
# The official image's unprivileged user (uid 1000).
USER node
EXPOSE 3000
# Liveness only: /status checks the process, never dependencies (those are /healthcheck's job).
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/status').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node as PID 1 receives SIGTERM directly (no npm wrapper), so graceful shutdown runs; exit code 0 when drained.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
