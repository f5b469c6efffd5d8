/** How the dashboard shows numbers, times and durations. */
import { toNumber } from './api.js';

export function fmtValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' && !['NaN', 'Infinity', '-Infinity'].includes(v)) return v;
  const x = toNumber(v);
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6 ? x.toPrecision(4).replace(/\.?0+$/, '') : x.toExponential(3);
}

export function fmtTime(ms: number | null): string {
  if (ms === null) return '';
  return new Date(ms).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function fmtDuration(start: number, end: number | null): string {
  const s = ((end ?? Date.now()) - start) / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

export function fmtBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;
}
