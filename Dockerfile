# The Tiersight API for deployments with their own Neo4j (a server, a cluster or Aura): NEO4J_URI is
# required, since the image has no Java to start the bundled Neo4j. From the checkout:
#   docker build -t tiersight:0.1.0 .
# The API runs TypeScript through tsx (a runtime dependency), so there is no compile step; only the
# dashboard is built, in a first stage that has the dev dependencies.
FROM node:20-bookworm-slim AS dashboard
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the postinstall resolves the bundled Neo4j's jars with Maven, which no stage uses.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build:web

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY src ./src
COPY resolvers ./resolvers
COPY schema ./schema
COPY seed ./seed
COPY tsconfig.json ./
COPY --from=dashboard /app/web/dist ./web/dist
# The image's `node` user, by number so that Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 4000
# SIGTERM (docker stop, a rolling update) lets in-flight requests finish, then closes the driver.
CMD ["node", "bin/tiersight.js", "serve"]
