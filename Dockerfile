# ccloud-emulator: the Confluent Cloud APIs on one port, backed by SQLite.
# Node 24 is the active LTS line; the emulator itself supports Node 20.19 and later (package.json engines).
FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json ./
COPY src ./src
COPY bench ./bench
COPY scripts ./scripts
# The build compiles the documents and primes the command line's code cache with one start of the
# emulator, which reads the documents, the default fixtures and the console's files.
COPY openapi ./openapi
COPY fixtures ./fixtures
COPY console ./console
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
# 0.0.0.0 inside the container: publishing the port exposes the control plane (/_emulator), which
# can wipe the store. Publish on 127.0.0.1 only, or set CCLOUD_EMULATOR_ADMIN_TOKEN so that
# /_emulator needs `Authorization: Bearer <token>` (see README.md, Docker).
ENV NODE_ENV=production \
    CCLOUD_EMULATOR_HOST=0.0.0.0 \
    CCLOUD_EMULATOR_PORT=8080 \
    CCLOUD_EMULATOR_KAFKA_PORT=9092 \
    CCLOUD_EMULATOR_DB=/data/ccloud-emulator.db
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY openapi ./openapi
COPY fixtures ./fixtures
COPY console ./console
VOLUME /data
EXPOSE 8080 9092
CMD ["node", "dist/src/cli.js"]
