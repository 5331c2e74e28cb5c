# Image for the app and worker services of docker-compose.yml.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY . .
# Prisma client, type check of shared, the compiled server (server/dist) and the web bundle.
RUN npm run build
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
# Compiled JavaScript (no tsx at run time); API_WORKERS HTTP processes (default one per core).
CMD ["node", "--enable-source-maps", "server/dist/main.js"]
