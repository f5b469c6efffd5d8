/**
 * `strata quickstart`: the main job on embedded defaults. Until the AutoML stratum lands it is a
 * tour of the foundation: seeded data, a least-squares fit two ways (SVD-based `lstsq` and
 * L-BFGS on the same loss), and the numbers that show they agree.
 */
import type { Command } from 'commander';
import { add, linalg, matmul, mul, optimize, random, std, sub, sum } from '../../tensor/index.js';
import { UsageError } from '../errors.js';
import { formatTable } from '../table.js';

export interface QuickstartResult {
  rows: number;
  features: number;
  seed: number;
  true_coefficients: number[];
  lstsq_coefficients: number[];
  lbfgs_coefficients: number[];
  lbfgs_iterations: number;
  residual_std: number;
  singular_values: number[];
}

/** Fits y = X·w + noise for seeded data and returns what both solvers found. */
export function runQuickstart(seed = 42, rows = 500): QuickstartResult {
  const rng = random.defaultRng(seed);
  const trueW = [1.5, -2, 0.5];
  const X = rng.normal(0, 1, [rows, trueW.length]);
  const y = add(matmul(X, trueW), rng.normal(0, 0.1, [rows]));

  const fit = linalg.lstsq(X, y);
  const loss = (w: Float64Array): { value: number; grad: Float64Array } => {
    const r = sub(matmul(X, w), y);
    const grad = mul(matmul(r, X), 2 / rows).toFloat64Array();
    return { value: (sum(mul(r, r)).item() as number) / rows, grad };
  };
  const lbfgs = optimize.minimize(null, new Float64Array(trueW.length), { method: 'L-BFGS-B', funAndGrad: loss });
  const residuals = sub(y, matmul(X, fit.x));
  return {
    rows,
    features: trueW.length,
    seed,
    true_coefficients: trueW,
    lstsq_coefficients: Array.from(fit.x.toFloat64Array()),
    lbfgs_coefficients: Array.from(lbfgs.x),
    lbfgs_iterations: lbfgs.nit,
    residual_std: std(residuals).item() as number,
    singular_values: Array.from(fit.singularValues.toFloat64Array()),
  };
}

export function registerQuickstart(program: Command): void {
  program
    .command('quickstart')
    .description('run the main job on embedded defaults (for now: a tour of strata/tensor)')
    .option('--seed <n>', 'random seed', '42')
    .option('--json', 'print one JSON object instead of tables')
    .addHelpText('after', '\nExample:\n  $ strata quickstart --seed 7 --json\n')
    .action((opts: { seed: string; json?: boolean }) => {
      const seed = Number(opts.seed);
      if (!Number.isSafeInteger(seed) || seed < 0) {
        throw new UsageError(`--seed must be a non-negative integer, got '${opts.seed}'.`);
      }
      const r = runQuickstart(seed);
      if (opts.json) {
        process.stdout.write(JSON.stringify(r) + '\n');
        return;
      }
      const names = r.true_coefficients.map((_, i) => `x${i}`);
      process.stdout.write(
        `Strata quickstart — ${r.rows} seeded rows, y = X·w + noise (seed ${r.seed})\n\n` +
          formatTable(
            ['feature', 'true w', 'lstsq (SVD)', 'L-BFGS-B'],
            names.map((n, i) => [n, r.true_coefficients[i]!, r.lstsq_coefficients[i]!, r.lbfgs_coefficients[i]!]),
          ) +
          `\n\nresidual std ${r.residual_std.toFixed(4)} (noise was 0.1); L-BFGS-B took ${r.lbfgs_iterations} iterations;` +
          ` singular values of X: ${r.singular_values.map((s) => s.toFixed(2)).join(', ')}\n`,
      );
    });
}
