// Export of what is on screen: the filtered view as GEXF, GraphML or JSON (through the
// same selection and format code as `diplograph export`), or the canvas as PNG.
import { downloadAsPNG } from "@sigma/export-image";
import type Sigma from "sigma";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../../src/graph/types.ts";
import type { Visibility } from "../filters.ts";
import { EXPORT_FORMATS, exportView } from "../export.ts";
import type { ExportFormat } from "../export.ts";

export interface ExportMenuProps {
  graph: KnowledgeGraph;
  visibility: Visibility;
  sigma: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes> | null;
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

export function ExportMenu({ graph, visibility, sigma }: ExportMenuProps) {
  const exportAs = (format: ExportFormat) => {
    const file = exportView(graph, visibility, format);
    download(file.text, file.fileName, file.mime);
  };
  return (
    <section className="export" aria-label="Xuất">
      <h3>Xuất phần đang xem</h3>
      <div className="export-buttons">
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" data-testid={`export-${format}`} onClick={() => exportAs(format)}>
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
    </section>
  );
}
