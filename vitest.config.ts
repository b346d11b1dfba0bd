import { defineConfig } from "vitest/config";

// Two projects: unit tests run in parallel on plain in-memory data; integration tests
// talk to the one real Neo4j server and the real Chromium, so they run one file at a time.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          fileParallelism: false,
          // Starts the local Neo4j server when none answers on the Bolt port (scripts/neo4j/).
          globalSetup: ["test/integration/global-setup.ts"],
        },
      },
    ],
  },
});
