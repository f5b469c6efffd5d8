/** The error toOnnx throws for a model it cannot convert. */
export class OnnxExportError extends Error {
  override name = 'OnnxExportError';
}
