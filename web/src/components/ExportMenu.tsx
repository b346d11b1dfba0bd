// Export of what is on screen: the filtered view as GEXF, GraphML or JSON (through the
// same selection and format code as `diplograph export`), or the canvas as PNG.
import { downloadAsPNG } from "@sigma/export-image";
import { useState } from "react";
import type Sigma from "sigma";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../../src/graph/types.ts";
import type { ViewFilters } from "../filters.ts";
import { VIEW_EXPORT_FORMATS, exportView } from "../export.ts";
import type { ViewExportFormat } from "../export.ts";
import { ApiCallError, fetchFullGraph } from "../api.ts";
import { readableError } from "../messages.ts";

export interface ExportMenuProps {
  filters: ViewFilters;
  sigma: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes> | null;
  /** Why the filters cannot be exported as they stand (from after to), or null. */
  blocked: string | null;
}

function download(text: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
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
      download(file.text, file.fileName, file.mime);
    } catch (caught) {
      const name = caught instanceof ApiCallError ? caught.errorName : caught instanceof Error ? caught.name : "Error";
      setError(readableError(name, caught instanceof Error ? caught.message : String(caught)));
    } finally {
      setBusy(false);
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
          onClick={() => sigma && void downloadAsPNG(sigma as unknown as Sigma, { fileName: "diplograph-view", backgroundColor: "#ffffff" })}
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
