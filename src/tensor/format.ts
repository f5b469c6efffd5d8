/**
 * NumPy-style printing: `array([[1., 2.],\n       [3., 4.]])`. Floats share one notation per
 * array (fixed with at most 8 fractional digits, or scientific when magnitudes are extreme); arrays above 1000 elements are summarized with `...`.
 */
import type { NdArray } from './ndarray.js';

const THRESHOLD = 1000;
const EDGE = 3;
const PRECISION = 8;
const LINE_WIDTH = 75;

function floatFormatter(values: number[]): (v: number) => string {
  const finite = values.filter((v) => Number.isFinite(v));
  const abs = finite.map(Math.abs).filter((v) => v !== 0);
  const maxAbs = abs.length ? Math.max(...abs) : 0;
  const minAbs = abs.length ? Math.min(...abs) : 0;
  const special = (v: number): string | undefined => (v !== v ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : undefined);
  if (maxAbs >= 1e8 || (minAbs > 0 && (minAbs < 1e-4 || maxAbs / minAbs > 1e3))) {
    const digits = Math.max(
      0,
      ...finite.map((v) => {
        const [mant] = v.toExponential(PRECISION).split('e');
        return mant!.replace(/0+$/, '').split('.')[1]?.length ?? 0;
      }),
    );
    return (v) => {
      const s = special(v);
      if (s !== undefined) return s;
      const [mant, exp] = v.toExponential(digits).split('e');
      const e = Number(exp);
      return `${mant}${digits === 0 ? '.' : ''}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
    };
  }
  // NumPy's 'maxprec' mode: each value with the fewest fractional digits (at most 8) that show it,
  // padded with spaces on the right so the decimal points line up.
  const digitsOf = (v: number): number => v.toFixed(PRECISION).replace(/0+$/, '').split('.')[1]?.length ?? 0;
  const decimals = Math.max(0, ...finite.map(digitsOf));
  return (v) => {
    const s = special(v);
    if (s !== undefined) return s;
    const own = digitsOf(v);
    return `${v.toFixed(own)}${own === 0 ? '.' : ''}${' '.repeat(decimals - own)}`;
  };
}

function elementFormatter(a: NdArray, values: number[]): (v: number) => string {
  if (a.dtype === 'bool') return (v) => (v ? ' True' : 'False');
  if (a.dtype === 'float64' || a.dtype === 'float32') return floatFormatter(values);
  return (v) => String(v);
}

/** The values `format` will show (edges only when summarizing), for choosing one notation. */
function shownValues(a: NdArray, summarize: boolean): number[] {
  const out: number[] = [];
  const walk = (axis: number, offset: number): void => {
    if (axis === a.ndim) {
      out.push(a.data[offset]!);
      return;
    }
    const d = a.shape[axis]!;
    for (let i = 0; i < d; i++) {
      if (summarize && d > 2 * EDGE && i === EDGE) i = d - EDGE;
      walk(axis + 1, offset + i * a.strides[axis]!);
    }
  };
  walk(0, a.offset);
  return out;
}

export function formatArray(a: NdArray): string {
  const summarize = a.size > THRESHOLD;
  const values = shownValues(a, summarize);
  const fmt = elementFormatter(a, values);
  const width = Math.max(1, ...values.map((v) => fmt(v).length));
  const cell = (v: number): string => fmt(v).padStart(width);
  const prefix = 'array(';
  const dtypeNote = a.dtype === 'float64' || a.dtype === 'bool' ? '' : `, dtype=${a.dtype}`;
  if (a.ndim === 0) return `${prefix}${fmt(a.data[a.offset]!)}${dtypeNote})`;
  if (a.size === 0) return `${prefix}[]${a.ndim > 1 ? `, shape=(${a.shape.join(', ')})` : ''}, dtype=${a.dtype})`;
  const render = (axis: number, offset: number, indent: string): string => {
    const d = a.shape[axis]!;
    const parts: string[] = [];
    for (let i = 0; i < d; i++) {
      if (summarize && d > 2 * EDGE && i === EDGE) {
        parts.push('...');
        i = d - EDGE;
      }
      const off = offset + i * a.strides[axis]!;
      parts.push(axis === a.ndim - 1 ? cell(a.data[off]!) : render(axis + 1, off, indent + ' '));
    }
    if (axis === a.ndim - 1) {
      const lines: string[] = [];
      let line = '';
      for (const p of parts) {
        const piece = line === '' ? p : `${line}, ${p}`;
        if (piece.length + indent.length + 2 > LINE_WIDTH && line !== '') {
          lines.push(line + ',');
          line = p;
        } else line = piece;
      }
      lines.push(line);
      return `[${lines.join(`\n${indent} `)}]`;
    }
    const sep = ',' + '\n'.repeat(a.ndim - 1 - axis) + indent + ' ';
    return `[${parts.join(sep)}]`;
  };
  return `${prefix}${render(0, a.offset, ' '.repeat(prefix.length))}${dtypeNote})`;
}
