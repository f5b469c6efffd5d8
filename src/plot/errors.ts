/** Errors raised while building or rendering a chart; each says what was wrong and how to fix it. */

/** Input a chart cannot draw: empty data, text on a numeric axis, arrays of different lengths, … */
export class PlotError extends Error {
  override readonly name = 'PlotError';
}
