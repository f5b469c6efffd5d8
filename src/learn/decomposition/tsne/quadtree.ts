/**
 * A point quadtree over a 2-D embedding that keeps each cell's point count and center of mass,
 * for Barnes–Hut summaries: a cell far enough away (width² / distance² < θ²) acts as one
 * heavy point at its center of mass.
 */
const MAX_DEPTH = 40;

export class QuadTree {
  // Per cell: bounds (x0, y0, size), center of mass, count, first child (−1 for a leaf).
  private x0: Float64Array;
  private y0: Float64Array;
  private size: Float64Array;
  private cx: Float64Array;
  private cy: Float64Array;
  private count: Float64Array;
  private child: Int32Array;
  private depth: Int32Array;
  /** The point stored in a leaf (−1 when empty). */
  private point: Int32Array;
  private cells = 0;

  constructor(private readonly y: Float64Array, n: number) {
    const cap = 4 * n + 8;
    this.x0 = new Float64Array(cap);
    this.y0 = new Float64Array(cap);
    this.size = new Float64Array(cap);
    this.cx = new Float64Array(cap);
    this.cy = new Float64Array(cap);
    this.count = new Float64Array(cap);
    this.child = new Int32Array(cap);
    this.depth = new Int32Array(cap);
    this.point = new Int32Array(cap);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, y[2 * i]!);
      maxX = Math.max(maxX, y[2 * i]!);
      minY = Math.min(minY, y[2 * i + 1]!);
      maxY = Math.max(maxY, y[2 * i + 1]!);
    }
    const side = Math.max(maxX - minX, maxY - minY, 1e-12) * (1 + 1e-6);
    this.newCell(minX - 1e-9, minY - 1e-9, side, 0);
    for (let i = 0; i < n; i++) this.insert(i);
  }

  private grow(): void {
    const cap = this.x0.length * 2;
    const up = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.x0 = up(this.x0); this.y0 = up(this.y0); this.size = up(this.size);
    this.cx = up(this.cx); this.cy = up(this.cy); this.count = up(this.count);
    this.child = up(this.child); this.depth = up(this.depth); this.point = up(this.point);
  }

  private newCell(x0: number, y0: number, size: number, depth: number): number {
    if (this.cells + 1 > this.x0.length) this.grow();
    const c = this.cells++;
    this.x0[c] = x0; this.y0[c] = y0; this.size[c] = size; this.depth[c] = depth;
    this.cx[c] = 0; this.cy[c] = 0; this.count[c] = 0; this.child[c] = -1; this.point[c] = -1;
    return c;
  }

  private quadrant(c: number, px: number, py: number): number {
    const half = this.size[c]! / 2;
    return (px >= this.x0[c]! + half ? 1 : 0) + (py >= this.y0[c]! + half ? 2 : 0);
  }

  private split(c: number): void {
    const half = this.size[c]! / 2;
    const first = this.newCell(this.x0[c]!, this.y0[c]!, half, this.depth[c]! + 1);
    this.newCell(this.x0[c]! + half, this.y0[c]!, half, this.depth[c]! + 1);
    this.newCell(this.x0[c]!, this.y0[c]! + half, half, this.depth[c]! + 1);
    this.newCell(this.x0[c]! + half, this.y0[c]! + half, half, this.depth[c]! + 1);
    this.child[c] = first;
  }

  private insert(i: number): void {
    const px = this.y[2 * i]!;
    const py = this.y[2 * i + 1]!;
    let c = 0;
    for (;;) {
      const k = this.count[c]!;
      this.cx[c] = (this.cx[c]! * k + px) / (k + 1);
      this.cy[c] = (this.cy[c]! * k + py) / (k + 1);
      this.count[c] = k + 1;
      if (this.child[c]! >= 0) {
        c = this.child[c]! + this.quadrant(c, px, py);
        continue;
      }
      if (k === 0) {
        this.point[c] = i;
        return;
      }
      // An occupied leaf: keep duplicates (and anything at the depth limit) together, else split.
      const other = this.point[c]!;
      const ox = this.y[2 * other]!;
      const oy = this.y[2 * other + 1]!;
      if ((ox === px && oy === py) || this.depth[c]! >= MAX_DEPTH) return;
      this.split(c);
      const oc = this.child[c]! + this.quadrant(c, ox, oy);
      this.cx[oc] = ox;
      this.cy[oc] = oy;
      this.count[oc] = k;
      this.point[oc] = other;
      this.point[c] = -1;
      c = this.child[c]! + this.quadrant(c, px, py);
      // The loop adds this point to the child (which may be the same one as `other`'s).
    }
  }

  /**
   * Repulsion on point i: adds Σ count·q²·(y_i − com) into force[0..1] and returns Σ count·q,
   * with q = 1/(1 + ‖y_i − com‖²), over the cells the Barnes–Hut criterion accepts.
   */
  repulsion(i: number, theta2: number, force: Float64Array, stack: Int32Array): number {
    const px = this.y[2 * i]!;
    const py = this.y[2 * i + 1]!;
    let sumQ = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const c = stack[--top]!;
      const cnt = this.count[c]!;
      if (cnt === 0) continue;
      const dx = px - this.cx[c]!;
      const dy = py - this.cy[c]!;
      const d2 = dx * dx + dy * dy;
      const leaf = this.child[c]! < 0;
      if (leaf || (this.size[c]! * this.size[c]!) / d2 < theta2) {
        if (d2 === 0) continue; // the point itself (and exact duplicates) exert no force
        const q = 1 / (1 + d2);
        sumQ += cnt * q;
        const m = cnt * q * q;
        force[0]! += m * dx;
        force[1]! += m * dy;
        continue;
      }
      const first = this.child[c]!;
      stack[top++] = first;
      stack[top++] = first + 1;
      stack[top++] = first + 2;
      stack[top++] = first + 3;
    }
    return sumQ;
  }
}
