/**
 * Discrete Fourier transforms (NumPy's `numpy.fft`). Complex data is a `ComplexArray`: two
 * Float64Array buffers `re` and `im` plus a shape; real input may be an NdArray, number[],
 * Float64Array or nested arrays.
 */
export { ComplexArray, complexArray } from './complex-array.js';
export type { ComplexInput } from './complex-array.js';
export { fft, ifft } from './fft.js';
export type { FftOptions } from './fft.js';
export { rfft, irfft } from './rfft.js';
export { fftn, ifftn, fft2, ifft2 } from './fftn.js';
export type { FftnOptions } from './fftn.js';
export { fftfreq, rfftfreq } from './freq.js';
export { fftshift, ifftshift } from './shift.js';
export type { FftNorm } from './norm.js';
