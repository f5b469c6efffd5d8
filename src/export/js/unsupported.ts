/** The error export raises for a model (or a step of a pipeline) it cannot write as JavaScript. */
export class UnsupportedModelError extends Error {
  override name = 'UnsupportedModelError';
}
