// Export of what is on screen: the filtered view as GEXF, GraphML or JSON (through the
// same selection and format code as `diplograph export`), or the canvas as PNG.
import { useState } from "react";
import type Sigma from "sigma";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../../src/graph/types.ts";
import type { ViewFilters } from "../filters.ts";
import { VIEW_EXPORT_FORMATS, exportView } from "../export.ts";
import type { ViewExportFormat } from "../export.ts";
import { ApiCallError, fetchFullGraph } from "../api.ts";
import { readableError } from "../messages.ts";
import { viewImage } from "../view-image.ts";

export interface ExportMenuProps {
  filters: ViewFilters;
  sigma: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes> | null;
  /** Why the filters cannot be exported as they stand (from after to), or null. */
  blocked: string | null;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportMenu({ filters, sigma, blocked }: ExportMenuProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const exportAs = async (format: ViewExportFormat) => {
    // Guarded twice: the buttons are off while the filters contradict, and any other failure
    // of the selection is said in words instead of escaping as an uncaught error.
    setBusy(true);
    try {
      // The view graph has no evidence or bodies: files are made from graph.json whole,
      // fetched on the first export (the same keys, so the same selection).
      const full = await fetchFullGraph();
      const file = exportView(full, filters, format);
      setError(null);
      download(new Blob([file.text], { type: file.mime }), file.fileName);
    } catch (caught) {
      const name = caught instanceof ApiCallError ? caught.errorName : caught instanceof Error ? caught.name : "Error";
      setError(readableError(name, caught instanceof Error ? caught.message : String(caught)));
    } finally {
      setBusy(false);
    }
  };
  // The picture as seen: the dashed Cypher paths and the labels included (view-image.ts).
  const exportPicture = async (shown: Sigma) => {
    try {
      download(await viewImage(shown), "diplograph-view.png");
      setError(null);
    } catch (caught) {
      setError(readableError(caught instanceof Error ? caught.name : "Error", caught instanceof Error ? caught.message : String(caught)));
    }
  };
  return (
    <section className="export" aria-label="Xuất">
      <h3>Xuất phần đang xem</h3>
      <div className="export-buttons">
        {VIEW_EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" data-testid={`export-${format}`} disabled={blocked !== null || busy} title={blocked ?? undefined} onClick={() => void exportAs(format)}>
            {format.toUpperCase()}
          </button>
        ))}
        <button
          type="button"
          data-testid="export-png"
          disabled={!sigma}
          onClick={() => sigma && void exportPicture(sigma as unknown as Sigma)}
        >
          PNG
        </button>
      </div>
      {(blocked ?? error) && (
        <p className="filter-error" role="alert" data-testid="export-error">
          {blocked ?? error}
        </p>
      )}
    </section>
  );
}
