# The background worker (pg-boss: outbox e-mail and SMS, webhook deliveries, expiry and reminder sweeps).
# Several may run at once: every sweep locks the rows it takes. The same image runs the migrations:
#   docker run --rm -e DATABASE_URL=… omni-worker pnpm db:migrate
# Build from the repository root: docker build -f docker/worker.Dockerfile -t omni-worker .
FROM node:20-bookworm-slim
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH
RUN corepack enable && corepack prepare pnpm@10.34.9 --activate
WORKDIR /repo
COPY . .
# tsx runs the TypeScript sources, so the dev dependencies are installed too.
RUN pnpm install --frozen-lockfile && chown -R node:node /repo
ENV NODE_ENV=production
USER node
CMD ["pnpm", "exec", "tsx", "scripts/worker.ts"]
