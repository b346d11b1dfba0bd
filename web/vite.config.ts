// Builds the viewer into web/dist. The app imports browser-safe modules from ../src
// (search, export formats, folding), so Vite may read files above its root.
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
  server: { fs: { allow: [".."] } },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2_000, sourcemap: false },
});
