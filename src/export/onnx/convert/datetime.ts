/**
 * DatetimeFeatures in ONNX. A graph cannot parse ISO strings, so a date/time column comes in as
 * float64 Unix time in milliseconds (NaN when missing; `OnnxModel` converts Dates and ISO
 * strings itself, and the file lists such inputs in its `strata.datetime_inputs` metadata).
 * Calendar parts (UTC) are computed with Floor arithmetic — Howard Hinnant's civil-from-days
 * algorithm — so they equal the native `Date` getters.
 */
import type { Estimator } from '../../../learn/index.js';
import { OnnxExportError } from '../errors.js';
import type { GraphBuilder } from '../graph.js';
import { type Block, asColumns, checkWidth, matrixBlock, numericColumn, stateOf } from './blocks.js';

type AnyEstimator = Estimator<any, any>;

const DAY_MS = 86_400_000;

/** Small expression helpers over float64 [N, 1] values. */
function algebra(g: GraphBuilder) {
  const k = (v: number): string => g.doubles('k', [], [v]);
  return {
    floor: (a: string): string => g.op('Floor', [a]),
    add: (a: string, b: string | number): string => g.op('Add', [a, typeof b === 'number' ? k(b) : b]),
    sub: (a: string, b: string | number): string => g.op('Sub', [a, typeof b === 'number' ? k(b) : b]),
    mul: (a: string, b: number): string => g.op('Mul', [a, k(b)]),
    div: (a: string, b: number): string => g.op('Div', [a, k(b)]),
    /** 1 where a >= b (else 0), as float64. */
    atLeast: (a: string, b: number): string => g.op('Cast', [g.op('GreaterOrEqual', [a, k(b)])], { to: { int: 11 } }),
    atMost: (a: string, b: number): string => g.op('Cast', [g.op('LessOrEqual', [a, k(b)])], { to: { int: 11 } }),
  };
}

/** The requested parts of epoch-ms column `ms`, each [N, 1]. */
function dateParts(g: GraphBuilder, ms: string, parts: readonly string[]): string[] {
  const { floor, add, sub, mul, div, atLeast, atMost } = algebra(g);
  const fdiv = (a: string, b: number): string => floor(div(a, b));
  const days = fdiv(ms, DAY_MS);
  const msOfDay = sub(ms, mul(days, DAY_MS));
  // Civil date from days since 1970-01-01 (proleptic Gregorian), floor division throughout.
  const z = add(days, 719468);
  const era = fdiv(z, 146097);
  const doe = sub(z, mul(era, 146097));
  const yoe = fdiv(add(sub(doe, fdiv(doe, 1460)), sub(fdiv(doe, 36524), fdiv(doe, 146096))), 365);
  const doyMarch = sub(doe, sub(add(mul(yoe, 365), fdiv(yoe, 4)), fdiv(yoe, 100)));
  const mp = fdiv(add(mul(doyMarch, 5), 2), 153);
  const day = add(sub(doyMarch, fdiv(add(mul(mp, 153), 2), 5)), 1);
  const month = sub(add(mp, 3), mul(atLeast(mp, 10), 12));
  const year = add(add(yoe, mul(era, 400)), atMost(month, 2));
  const compute: Record<string, () => string> = {
    year: () => year,
    quarter: () => add(fdiv(sub(month, 1), 3), 1),
    month: () => month,
    day: () => day,
    // 1970-01-01 was a Thursday; Monday is 0.
    dayofweek: () => {
      const shifted = add(days, 3);
      return sub(shifted, mul(fdiv(shifted, 7), 7));
    },
    dayofyear: () => {
      // Days from 1970-01-01 to January 1st of `year` (civil-to-days with March-based years).
      const y = sub(year, 1);
      const e = fdiv(y, 400);
      const yoe1 = sub(y, mul(e, 400));
      const doe1 = add(sub(add(mul(yoe1, 365), fdiv(yoe1, 4)), fdiv(yoe1, 100)), 306);
      const jan1 = sub(add(mul(e, 146097), doe1), 719468);
      return add(sub(days, jan1), 1);
    },
    hour: () => fdiv(msOfDay, 3_600_000),
    minute: () => sub(fdiv(msOfDay, 60_000), mul(fdiv(msOfDay, 3_600_000), 60)),
    second: () => sub(fdiv(msOfDay, 1000), mul(fdiv(msOfDay, 60_000), 60)),
    epoch: () => div(ms, 1000),
  };
  return parts.map((p) => compute[p]!());
}

export function datetimeFeatures(g: GraphBuilder, est: AnyEstimator, X: Block): Block {
  const s = stateOf<{ parts: string[][]; featureNamesIn: string[] }>(est);
  checkWidth(s.featureNamesIn.length, X, 'DatetimeFeatures');
  const cols = asColumns(g, X, s.featureNamesIn);
  const outs: string[] = [];
  s.parts.forEach((parts, j) => {
    if (parts.length) outs.push(...dateParts(g, numericColumn(g, cols[j]!, 'DatetimeFeatures'), parts));
  });
  const width = outs.length;
  if (width === 0) throw new OnnxExportError('DatetimeFeatures keeps no parts (all were constant in fit); nothing to export.');
  return matrixBlock(width === 1 ? outs[0]! : g.op('Concat', outs, { axis: { int: 1 } }), width);
}
