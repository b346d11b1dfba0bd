// Builds the viewer into web/dist. The app imports browser-safe modules from ../src
// (search, export formats, folding), so Vite may read files above its root.
import { defineConfig } from "vite";

export default defineConfig(({ mode }) => ({
  root: import.meta.dirname,
  base: "./",
  oxc: { jsx: { runtime: "automatic", importSource: "react", development: mode === "development" } },
  // React's production build even when the caller's NODE_ENV says otherwise (vitest sets "test").
  define: { "process.env.NODE_ENV": JSON.stringify(mode === "development" ? "development" : "production") },
  // csv-stringify's Node build needs Buffer; its browser build (Buffer polyfilled) serves the
  // CSV formatter that comes along with the export formats.
  resolve: { alias: { "csv-stringify/sync": `${import.meta.dirname}/../node_modules/csv-stringify/dist/esm/sync.js` } },
  server: { fs: { allow: [".."] } },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2_000, sourcemap: false },
}));
