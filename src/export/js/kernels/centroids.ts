/** KMeans and MiniBatchKMeans: the nearest center by squared distance (the first on ties). */
import type { KMeans, MiniBatchKMeans } from '../../../learn/index.js';
import { fittedState } from '../fitted-state.js';
import { typed } from '../literals.js';
import type { Kernel } from './kernel.js';

export function centroidKernel(est: KMeans | MiniBatchKMeans): Kernel {
  const s = fittedState<{ centers: Float64Array }>(est);
  const k = est.params.nClusters;
  return {
    task: 'clustering', width: 1, input: 'Float64Array', allowNaN: false,
    declarations: [`/** ${k} cluster centers, row-major. */`, `const CENTERS = ${typed('Float64Array', s.centers)};`],
    score: [
      'for (let i = 0; i < n; i++) {',
      '  const o = i * D;',
      '  let best = Infinity;',
      '  let label = 0;',
      `  for (let c = 0; c < ${k}; c++) {`,
      '    let sum = 0;',
      '    for (let j = 0; j < D; j++) {',
      '      const t = x[o + j] - CENTERS[c * D + j];',
      '      sum += t * t;',
      '    }',
      '    if (sum < best) {',
      '      best = sum;',
      '      label = c;',
      '    }',
      '  }',
      '  s[i] = label;',
      '}',
    ].join('\n'),
  };
}
