import { defineConfig } from "vitest/config";

// Two projects: unit tests run in parallel on plain in-memory data; integration tests
// talk to the one real Neo4j server and the real Chromium, so they run one file at a time.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      // Each project's temporary files go into one folder of the run, removed at its end.
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"], globalSetup: ["test/temp-dir.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          fileParallelism: false,
          // Starts the local Neo4j server when none answers on the Bolt port (scripts/neo4j/).
          globalSetup: ["test/temp-dir.ts", "test/integration/global-setup.ts"],
        },
      },
    ],
  },
});
