// Zoom in, zoom out, fit to what is shown, and reset: buttons over the canvas, so the
// camera can be driven without a wheel or a trackpad (and from the keyboard).
import { useSigma } from "@react-sigma/core";
import { fitViewportToNodes } from "@sigma/utils";
import type Sigma from "sigma";
import type { Visibility } from "../filters.ts";

const DURATION = 250;

export function CameraControls({ visibility }: { visibility: Visibility }) {
  const sigma = useSigma();
  const camera = sigma.getCamera();
  return (
    <div className="camera-controls" role="toolbar" aria-label="Điều khiển khung nhìn">
      <button type="button" data-testid="zoom-in" aria-label="Phóng to" title="Phóng to" onClick={() => void camera.animatedZoom({ duration: DURATION })}>
        +
      </button>
      <button type="button" data-testid="zoom-out" aria-label="Thu nhỏ" title="Thu nhỏ" onClick={() => void camera.animatedUnzoom({ duration: DURATION })}>
        −
      </button>
      <button
        type="button"
        data-testid="zoom-fit"
        aria-label="Vừa khung những gì đang hiện"
        title="Vừa khung những gì đang hiện"
        onClick={() => visibility.nodes.size > 0 && void fitViewportToNodes(sigma as unknown as Sigma, [...visibility.nodes], { animate: true })}
      >
        ⤢
      </button>
      <button type="button" data-testid="zoom-reset" aria-label="Đặt lại khung nhìn" title="Đặt lại khung nhìn" onClick={() => void camera.animatedReset({ duration: DURATION })}>
        ⟲
      </button>
    </div>
  );
}
