// The clustered view's positions: each community drawn as a disc of its own, its members on
// a sunflower spiral (the most linked inside it at the centre), the discs packed in rings
// around the largest. Linear in nodes and edges (plus sorting each community's members), no
// iteration, no randomness: the same communities give the same picture. Runs in the
// communities' worker, beside Louvain (communities.worker.ts).

/** What the layout needs: the shown graph by index and its communities, largest first. */
export interface ClusterLayoutInput {
  /** Number of shown nodes (indices 0…count-1). */
  count: number;
  sources: Uint32Array;
  targets: Uint32Array;
  /** Members of each community of 2+ nodes (indices); nodes in none form one more group. */
  members: readonly Uint32Array[];
}

/** The golden angle: consecutive members turn by it, so the spiral fills its disc evenly. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Room between discs, in units of the spacing between members. */
const GAP = 3;

/**
 * Positions by node index, interleaved (x0, y0, x1, y1, …), in units where neighbouring
 * members of a community are about one apart.
 */
export function clusterLayout(input: ClusterLayoutInput): Float64Array {
  const { count } = input;
  // 1. Each node's group: its community's rank, or the group of nodes in none.
  const group = new Int32Array(count).fill(input.members.length);
  input.members.forEach((members, rank) => {
    for (const node of members) group[node] = rank;
  });
  const groups: number[][] = input.members.map((members) => Array.from(members));
  const rest: number[] = [];
  for (let node = 0; node < count; node += 1) if (group[node] === input.members.length) rest.push(node);
  if (rest.length > 0) groups.push(rest);

  // 2. Links inside each node's group: the most linked sit at the centre of its disc.
  const inside = new Uint32Array(count);
  for (let i = 0; i < input.sources.length; i += 1) {
    const source = input.sources[i] ?? 0;
    const target = input.targets[i] ?? 0;
    if (group[source] !== group[target]) continue;
    inside[source] = (inside[source] ?? 0) + 1;
    inside[target] = (inside[target] ?? 0) + 1;
  }

  // 3. Discs: area by member count; centres packed in rings, largest disc first.
  const radius = groups.map((members) => Math.sqrt(members.length + 0.5));
  const order = groups.map((_, index) => index).sort((a, b) => (radius[b] ?? 0) - (radius[a] ?? 0) || a - b);
  const centres = packInRings(order.map((index) => radius[index] ?? 0));

  // 4. Members on a sunflower spiral around their disc's centre.
  const positions = new Float64Array(count * 2);
  order.forEach((index, place) => {
    const members = groups[index] ?? [];
    members.sort((a, b) => (inside[b] ?? 0) - (inside[a] ?? 0) || a - b);
    const cx = centres[place * 2] ?? 0;
    const cy = centres[place * 2 + 1] ?? 0;
    members.forEach((node, k) => {
      const r = Math.sqrt(k + 0.5);
      positions[node * 2] = cx + r * Math.cos(k * GOLDEN_ANGLE);
      positions[node * 2 + 1] = cy + r * Math.sin(k * GOLDEN_ANGLE);
    });
  });
  return positions;
}

/**
 * Centres for discs of the given radii, largest first: the first at the origin, the others
 * on rings around it, each ring as far out as its largest disc needs and its discs spread
 * evenly around it. Two discs never overlap: on a ring each takes the angle its radius needs
 * (2·asin((r + GAP/2)/D), and the sine is concave, so two neighbours' centres are at least
 * r₁ + r₂ + GAP apart); rings are apart by the largest radius on them.
 */
export function packInRings(radii: readonly number[]): Float64Array {
  const centres = new Float64Array(radii.length * 2);
  if (radii.length === 0) return centres;
  let outer = (radii[0] ?? 0) + GAP;
  let next = 1;
  while (next < radii.length) {
    const widest = radii[next] ?? 0;
    const distance = outer + widest;
    // The ring's discs and the angle each needs.
    const first = next;
    let used = 0;
    while (next < radii.length) {
      const need = 2 * Math.asin(Math.min(1, ((radii[next] ?? 0) + GAP / 2) / distance));
      if (next > first && used + need > 2 * Math.PI) break;
      used += need;
      next += 1;
    }
    // What is left of the circle is shared out, so that a ring's last disc does not sit alone.
    const spare = Math.max(0, 2 * Math.PI - used) / (next - first);
    let angle = 0;
    for (let disc = first; disc < next; disc += 1) {
      const step = 2 * Math.asin(Math.min(1, ((radii[disc] ?? 0) + GAP / 2) / distance)) + spare;
      angle += step / 2;
      centres[disc * 2] = distance * Math.cos(angle);
      centres[disc * 2 + 1] = distance * Math.sin(angle);
      angle += step / 2;
    }
    outer = distance + widest + GAP;
  }
  return centres;
}

/** A box in the graph's coordinates. */
export interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/**
 * Positions scaled (the same in both directions) and moved to fill `box`, centred in it: the
 * clustered picture takes the place the stored one had, so the camera needs not jump.
 */
export function fitInto(positions: Float64Array, box: Box): Float64Array {
  const bounds = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  for (let i = 0; i < positions.length; i += 2) {
    const x = positions[i] ?? 0;
    const y = positions[i + 1] ?? 0;
    bounds.minX = Math.min(bounds.minX, x);
    bounds.maxX = Math.max(bounds.maxX, x);
    bounds.minY = Math.min(bounds.minY, y);
    bounds.maxY = Math.max(bounds.maxY, y);
  }
  const fitted = new Float64Array(positions.length);
  if (positions.length === 0) return fitted;
  const width = bounds.maxX - bounds.minX;
  const height = bounds.maxY - bounds.minY;
  const boxWidth = box.maxX - box.minX;
  const boxHeight = box.maxY - box.minY;
  const candidates = [width > 0 ? boxWidth / width : Infinity, height > 0 ? boxHeight / height : Infinity].filter((scale) => Number.isFinite(scale) && scale > 0);
  const scale = candidates.length > 0 ? Math.min(...candidates) : 1;
  const [fromX, fromY] = [(bounds.minX + bounds.maxX) / 2, (bounds.minY + bounds.maxY) / 2];
  const [toX, toY] = [(box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2];
  for (let i = 0; i < positions.length; i += 2) {
    fitted[i] = toX + ((positions[i] ?? 0) - fromX) * scale;
    fitted[i + 1] = toY + ((positions[i + 1] ?? 0) - fromY) * scale;
  }
  return fitted;
}
