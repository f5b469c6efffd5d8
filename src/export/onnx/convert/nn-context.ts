/**
 * What every nn layer converter shares: the graph, the element type the graph computes in
 * (float32, the nn default, or float64), constants of that type, and the probed shapes of the
 * layer's input and output (batch 2; the batch axis is known from a second probe).
 */
import type { GraphBuilder } from '../graph.js';

export type NnDType = 'float32' | 'float64';

/** One layer to convert: its graph input and the shapes the native forward gave on the probe. */
export interface NnStep {
  /** Graph value of the layer's input. */
  x: string;
  /** Native input shape at the probe's batch size. */
  inShape: readonly number[];
  /** Native output shape at the probe's batch size (the first output for layers returning several). */
  outShape: readonly number[];
}

export class NnGraph {
  /** The graph input when it holds int64 indices (a model starting with Embedding), else null. */
  indexInput: string | null = null;

  constructor(readonly g: GraphBuilder, readonly dtype: NnDType) {}

  /** ONNX TensorProto data type number of the compute type. */
  get onnxType(): number {
    return this.dtype === 'float64' ? 11 : 1;
  }

  /** A constant of the compute type (float32 values round to nearest). */
  weights(prefix: string, dims: readonly number[], values: ArrayLike<number>): string {
    return this.g.constant(prefix, this.dtype, dims, values);
  }

  /** A scalar constant of the compute type. */
  scalar(prefix: string, v: number): string {
    return this.g.constant(prefix, this.dtype, [], [v]);
  }

  /** An int64 constant (shapes, axes, slice bounds). */
  ints(prefix: string, values: readonly number[]): string {
    return this.g.int64s(prefix, values);
  }

  /** The polynomial c[0] + t·(c[1] + t·(…)) by Horner's rule. */
  private horner(t: string, c: readonly number[]): string {
    let acc = this.scalar('c', c[c.length - 1]!);
    for (let i = c.length - 2; i >= 0; i--) acc = this.g.op('Add', [this.scalar('c', c[i]!), this.g.op('Mul', [t, acc])]);
    return acc;
  }

  /**
   * erf(x) from Add/Mul/Div/Exp/Where only, for float64 graphs (ONNX Runtime's Erf and Gelu
   * have no double kernel): fdlibm's rational approximations on |x| < 0.84375, < 1.25,
   * < 1/0.35 and beyond, the same as the native GELU's erf to ~1e-15.
   */
  erf(x: string): string {
    const g = this.g;
    const ax = g.op('Abs', [x]);
    const sign = g.op('Sign', [x]);
    // |x| < 0.84375: x + x·P(x²)/Q(x²)
    const z = g.op('Mul', [x, x]);
    const small = g.op('Add', [x, g.op('Mul', [x, g.op('Div', [this.horner(z, ERF_PP), this.horner(z, ERF_QQ)])])]);
    // 0.84375 ≤ |x| < 1.25: sign·(erx + P(s)/Q(s)), s = |x| − 1
    const s = g.op('Sub', [ax, this.scalar('one', 1)]);
    const mid = g.op('Mul', [sign, g.op('Add', [this.scalar('erx', ERX), g.op('Div', [this.horner(s, ERF_PA), this.horner(s, ERF_QA)])])]);
    // |x| ≥ 1.25: sign·(1 − exp(−x² − 0.5625 + R/S)/|x|), with t = 1/x² and (R, S) by range
    const t = g.op('Reciprocal', [g.op('Mul', [ax, ax])]);
    const near = g.op('Less', [ax, this.scalar('cut', 1 / 0.35)]);
    const rs = g.op('Where', [near, g.op('Div', [this.horner(t, ERF_RA), this.horner(t, ERF_SA)]), g.op('Div', [this.horner(t, ERF_RB), this.horner(t, ERF_SB)])]);
    const e = g.op('Exp', [g.op('Add', [g.op('Sub', [g.op('Neg', [g.op('Mul', [ax, ax])]), this.scalar('c', 0.5625)]), rs])]);
    const tail = g.op('Mul', [sign, g.op('Sub', [this.scalar('one', 1), g.op('Div', [e, ax])])]);
    const inMid = g.op('Less', [ax, this.scalar('cut', 1.25)]);
    const inSmall = g.op('Less', [ax, this.scalar('cut', 0.84375)]);
    return g.op('Where', [inSmall, small, g.op('Where', [inMid, mid, tail])]);
  }
}

// fdlibm s_erf.c coefficients, lowest order first.
const ERX = 8.45062911510467529297e-1;
const ERF_PP = [1.28379167095512558561e-1, -0.3250421072470015, -0.02848174957559851, -0.005770270296489442, -0.000023763016656650163];
const ERF_QQ = [1, 0.39791722395915535, 0.0650222499887673, 0.005081306281875766, 0.00013249473800432164, -0.000003960228278775368];
const ERF_PA = [-2.36211856075265944077e-3, 0.41485611868374833, -0.3722078760357013, 0.31834661990116175, -0.11089469428239668, 0.035478304325618236, -0.002166375594868791];
const ERF_QA = [1, 0.10642088040084423, 0.540397917702171, 0.07182865441419627, 0.12617121980876164, 0.01363708391202905, 0.011984499846799107];
const ERF_RA = [-9.86494403484714822705e-3, -0.6938585727071818, -10.558626225323291, -62.375332450326006, -162.39666946257347, -184.60509290671104, -81.2874355063066, -9.814329344169145];
const ERF_SA = [1, 19.651271667439257, 137.65775414351904, 434.56587747522923, 645.3872717332679, 429.00814002756783, 108.63500554177944, 6.570249770319282, -0.0604244152148581];
const ERF_RB = [-9.86494292470009928597e-3, -0.799283237680523, -17.757954917754752, -160.63638485582192, -637.5664433683896, -1025.0951316110772, -483.5191916086514];
const ERF_SB = [1, 30.33806074348246, 325.7925129965739, 1536.729586084437, 3199.8582195085955, 2553.0504064331644, 474.52854120695537, -22.44095244658582];
