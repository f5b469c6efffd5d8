/**
 * Which raw input column each output column of a fitted ColumnTransformer comes from, so
 * attributions on encoded features (one-hot slots, date parts, TF-IDF terms) can be summed back
 * to the columns a user knows.
 */
import type { ColumnTransformer, StepEstimator } from '../learn/index.js';

// A marker that cannot occur in real column names, so an output name that contains it names its source.
const mark = (k: number): string => `\u0001${k}\u0001`;

/**
 * The source column of every output column, in output order. Each transformer is asked for its
 * output names given marked input names; a one-column transformer (e.g. TF-IDF, whose names are
 * its terms) maps everything to that column.
 */
export function outputSources(ct: ColumnTransformer): string[] {
  const columns = ct.columnsByTransformer;
  const out: string[] = [];
  for (const [name, est] of Object.entries(ct.namedTransformers)) {
    const cols = columns[name]!;
    if (est === 'passthrough') {
      out.push(...cols);
      continue;
    }
    const names = (est as StepEstimator).featureNamesOut!(cols.map((_, k) => mark(k)));
    for (const n of names) {
      if (cols.length === 1) out.push(cols[0]!);
      else {
        const k = cols.findIndex((_, j) => n.includes(mark(j)));
        if (k < 0) throw new Error(`Cannot tell which input column the output '${n}' of transformer '${name}' comes from.`);
        out.push(cols[k]!);
      }
    }
  }
  return out;
}
