/**
 * Standard normal draws by the ziggurat method (Marsaglia & Tsang, "The ziggurat method for
 * generating random variables", 2000) with 256 layers and 52-bit uniforms, as NumPy does.
 *
 * The area under exp(-x²/2) for x ≥ 0 is covered by 255 rectangles and a base strip of equal
 * area v. Almost every draw (≈ 99%) lands inside a rectangle's part that lies wholly under the
 * curve and costs one 64-bit output and a multiply. The rest test against the curve (wedges) or
 * sample the tail beyond r exactly with Marsaglia's exponential-rejection method, so the tails are
 * correct, not truncated.
 */
import type { BitGenerator } from './bit-generator.js';

const LAYERS = 256;
/** Right edge of the base strip's rectangle part. */
export const ZIGGURAT_R = 3.6541528853610088;
/** Area of each layer (for the unnormalized density exp(-x²/2)). */
const AREA = 0.00492867323399;
const TWO52 = 4503599627370496;

/** ki[i]: a 52-bit draw below ki[i] in layer i is inside the curve; wi[i] scales it to x; fi[i] = f(x_i). */
const ki = new Float64Array(LAYERS);
const wi = new Float64Array(LAYERS);
const fi = new Float64Array(LAYERS);

(function buildTables(): void {
  // x_255 = r is the widest rectangle; x_i shrinks toward the peak as i falls to 1.
  let dn = ZIGGURAT_R;
  let tn = dn;
  const q = AREA / Math.exp(-0.5 * dn * dn); // virtual width of the base strip
  ki[0] = Math.floor((dn / q) * TWO52);
  ki[1] = 0;
  wi[0] = q / TWO52;
  wi[LAYERS - 1] = dn / TWO52;
  fi[0] = 1;
  fi[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(AREA / dn + Math.exp(-0.5 * dn * dn)));
    ki[i + 1] = Math.floor((dn / tn) * TWO52);
    tn = dn;
    fi[i] = Math.exp(-0.5 * dn * dn);
    wi[i] = dn / TWO52;
  }
})();

/**
 * One standard normal draw.
 *
 * @example
 * const z = standardNormal(new Xoshiro256StarStar(3));
 */
export function standardNormal(bg: BitGenerator): number {
  for (;;) {
    bg.next64();
    const lo = bg.lo;
    const idx = lo & 0xff;
    const negative = (lo & 0x100) !== 0;
    const rabs = bg.hi * 1048576 + (lo >>> 12); // 52 bits, independent of idx and sign
    const x = rabs * wi[idx]!;
    if (rabs < ki[idx]!) return negative ? -x : x;
    if (idx === 0) {
      const t = normalTail(bg);
      return negative ? -t : t;
    }
    // Wedge: accept with probability proportional to how far under the curve the point lies.
    if ((fi[idx - 1]! - fi[idx]!) * bg.nextDouble() + fi[idx]! < Math.exp(-0.5 * x * x)) {
      return negative ? -x : x;
    }
  }
}

/**
 * A draw of Z conditioned on Z > r (r = ZIGGURAT_R), by Marsaglia's method (1964): propose
 * r + E₁/r with E₁, E₂ standard exponentials and accept when 2E₂ > (E₁/r)². Exact, so the
 * normal's tails are not truncated. Uniforms in (0, 1] keep the logs finite.
 */
export function normalTail(bg: BitGenerator): number {
  for (;;) {
    const xx = -Math.log(1 - bg.nextDouble()) / ZIGGURAT_R;
    const yy = -Math.log(1 - bg.nextDouble());
    if (yy + yy > xx * xx) return ZIGGURAT_R + xx;
  }
}
