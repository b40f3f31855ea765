# syntax=docker/dockerfile:1
# The Foundry console: a standalone Next.js server on a current Node LTS, Debian trixie.

FROM node:24-trixie-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts ./scripts
# The lockfile pins versions; see scripts/lib/npm-install.sh for why not `npm ci`.
RUN npm install --no-audit --no-fund

FROM node:24-trixie-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:24-trixie-slim AS runtime
# git: the GitOps writer drives the git CLI. tini: signals and zombie reaping for git children.
# ipxe (trixie's) and the image tools build the boot media templates; SYSLINUX's installer (BIOS
# boot of the x86_64 USB image) exists for x86 hosts only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates tini \
      ipxe xorriso mtools dosfstools isolinux syslinux-common \
      $(case "$(dpkg --print-architecture)" in amd64|i386) echo syslinux;; esac) \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 foundry \
 && useradd --system --uid 10001 --gid foundry --home-dir /nonexistent --shell /usr/sbin/nologin foundry \
 && mkdir -p /data && chown foundry:foundry /data
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    FOUNDRY_DATA_DIR=/data \
    FOUNDRY_IPXE_DIR=/usr/lib/ipxe \
    NODE_OPTIONS=--max-old-space-size=160 \
    KEEP_ALIVE_TIMEOUT=65000
COPY --from=build --chown=root:root /app/.next/standalone ./
USER foundry
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "server.js"]
