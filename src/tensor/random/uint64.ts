/**
 * 64-bit unsigned arithmetic on pairs of 32-bit halves, exact in double precision, so the bit
 * generators give the same numbers on every platform without BigInt in their hot paths.
 * Halves are unsigned integers in [0, 2^32).
 */

const TWO32 = 4294967296;

/** High 32 bits of the exact 64-bit product of two unsigned 32-bit integers. */
export function mulHiU32(a: number, b: number): number {
  // a*b = (ah*2^16 + al)*b; both partial products stay below 2^48, so every step is exact.
  const ahb = (a >>> 16) * b;
  const alb = (a & 0xffff) * b;
  return Math.floor((ahb + Math.floor(alb / 65536)) / 65536) >>> 0;
}

/** Low 32 bits of the product of two unsigned 32-bit integers. */
export function mulLoU32(a: number, b: number): number {
  return Math.imul(a, b) >>> 0;
}

/**
 * (ah·2^32 + al) · (bh·2^32 + bl) mod 2^64, written into `out` as [hi, lo].
 */
export function mul64(ah: number, al: number, bh: number, bl: number, out: Uint32Array): void {
  const hi = mulHiU32(al, bl) + Math.imul(al, bh) + Math.imul(ah, bl);
  out[0] = hi >>> 0;
  out[1] = Math.imul(al, bl) >>> 0;
}

/** (ah·2^32 + al) + (bh·2^32 + bl) mod 2^64, written into `out` as [hi, lo]. */
export function add64(ah: number, al: number, bh: number, bl: number, out: Uint32Array): void {
  const low = (al >>> 0) + (bl >>> 0);
  out[0] = ((ah >>> 0) + (bh >>> 0) + (low >= TWO32 ? 1 : 0)) >>> 0;
  out[1] = low >>> 0;
}

/** The 64-bit value as 16 lowercase hex digits. */
export function toHex64(hi: number, lo: number): string {
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** Parses 1 to 16 hex digits into [hi, lo]; returns undefined when the text is not hex. */
export function fromHex64(text: string): [number, number] | undefined {
  if (!/^[0-9a-fA-F]{1,16}$/.test(text)) return undefined;
  const padded = text.padStart(16, '0');
  return [parseInt(padded.slice(0, 8), 16), parseInt(padded.slice(8), 16)];
}

/** The 64-bit value as a bigint (not for hot paths). */
export function toBigInt64(hi: number, lo: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}
