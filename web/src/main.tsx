// Entry point of the viewer's bundle.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { fetchGraph } from "./graph-data.ts";
import { watchInput } from "./input-quiet.ts";
import { startSearchWorker } from "./search.ts";
import "./styles.css";

// graph.json is requested (index.html preloads it) and parsed while React draws the splash:
// asked from an effect, it would wait for the first paint (~0.1 s on a slow machine).
const graphRequest = fetchGraph();
// Marked as handled here; the App shows the error when it takes the result.
graphRequest.catch(() => {});
// The search's worker fetches the server's name index meanwhile, off this thread (search.ts).
startSearchWorker();
// The large graph's background build stands aside while the reader types (loaded-graph.ts).
watchInput();

const root = document.getElementById("root");
if (!root) throw new Error("viewer: no #root element in index.html");
createRoot(root).render(
  <StrictMode>
    <App graphRequest={graphRequest} />
  </StrictMode>,
);
