# The Diplograph app for docker-compose.yml: builds graph.json from graph/articles, loads it
# into the compose Neo4j (idempotent, so restarts change nothing) and serves the viewer.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The compiled command line (dist/): `npm ci` ran before the sources were copied.
RUN npm run build:cli
ENV NEO4J_URI=bolt://neo4j:7687
EXPOSE 8080
CMD ["sh", "-c", "npx diplograph build graph/articles --out graph/out && npx diplograph load --graph graph/out/graph.json && npm start -- --host 0.0.0.0 --port 8080"]
