// Sigma's disc node program without instancing. Sigma's NodeCircleProgram draws one
// instance of a three-vertex triangle per node (drawArraysInstanced); software WebGL
// (SwiftShader, what headless Chromium and GPU-less machines use) pays a fixed cost per
// instance, ~190 ms per pass for 10,000 nodes whatever their size, and sigma draws the
// nodes twice (picture and picking layer). This program writes the three vertices of each
// node into the buffer instead, with the angle as an ordinary attribute, and draws them in
// one plain drawArrays: same shaders, same triangles, same pixels, ~20× cheaper there.
import type { Attributes } from "graphology-types";
import { NodeCircleProgram, NodeProgram } from "sigma/rendering";
import type { ProgramDefinition, ProgramInfo } from "sigma/rendering";
import type { NodeDisplayData, RenderParams } from "sigma/types";
import { floatColor } from "sigma/utils";

const UNIFORMS = ["u_sizeRatio", "u_correctionRatio", "u_matrix"] as const;

/** NodeCircleProgram's definition: its shaders and attributes, read once from sigma itself. */
const CIRCLE = NodeCircleProgram.prototype.getDefinition();
const ANGLES = [NodeCircleProgram.ANGLE_1, NodeCircleProgram.ANGLE_2, NodeCircleProgram.ANGLE_3];

export class NodeDiscProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> extends NodeProgram<
  (typeof UNIFORMS)[number],
  N,
  E,
  G
> {
  getDefinition(): ProgramDefinition<(typeof UNIFORMS)[number]> {
    // No CONSTANT_ATTRIBUTES key: sigma treats a program as instanced when it has one.
    return {
      VERTICES: ANGLES.length,
      VERTEX_SHADER_SOURCE: CIRCLE.VERTEX_SHADER_SOURCE,
      FRAGMENT_SHADER_SOURCE: CIRCLE.FRAGMENT_SHADER_SOURCE,
      METHOD: CIRCLE.METHOD,
      UNIFORMS,
      ATTRIBUTES: [...CIRCLE.ATTRIBUTES, ...CIRCLE.CONSTANT_ATTRIBUTES],
    };
  }

  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void {
    const array = this.array;
    const color = floatColor(data.color);
    let i = startIndex;
    for (const angle of ANGLES) {
      array[i++] = data.x;
      array[i++] = data.y;
      array[i++] = data.size;
      array[i++] = color;
      array[i++] = nodeIndex;
      array[i++] = angle;
    }
  }

  setUniforms(params: RenderParams, { gl, uniformLocations }: ProgramInfo<(typeof UNIFORMS)[number]>): void {
    gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
  }
}
