/**
 * The `nn` stratum: an autograd `Tensor`, `Module`s (layers, losses), optimizers and schedulers,
 * a seeded `DataLoader`, a Keras-like `Sequential` with `fit`, and scikit-learn-style
 * `MLPClassifier`/`MLPRegressor` estimators built on them.
 */
export { Tensor, tensor, zeros, ones, full, noGrad, isGradEnabled, allocFloat, dtypeOf } from './tensor.js';
export type { FloatDType, FloatArray, BackwardFn, TensorOptions, TensorInput } from './tensor.js';
export { Module, Parameter } from './module.js';
export type { AnyModule, StateDict } from './module.js';
export { Rng, manualSeed, defaultRng, rngFrom } from './random.js';
export { gradCheck } from './gradcheck.js';
export type { GradCheckOptions, GradCheckResult } from './gradcheck.js';
export { add, sub, mul, div, pow, neg, exp, log, sqrt, abs, relu, leakyRelu, sigmoid, tanh, gelu, silu, softplus, clamp, where } from './ops/elementwise.js';
export { sum, mean, max, min, variance } from './ops/reduce.js';
export { reshape, flatten, unsqueeze, squeeze, transpose, swapAxes, narrow, concat, stack, indexSelect, transpose2d } from './ops/shape.js';
export { matmul, linear } from './ops/matmul.js';
export { softmax, logSoftmax } from './ops/softmax.js';
export { gemm } from './ops/gemm.js';
export { broadcastShape, broadcastMap, reduceByMap } from './ops/broadcast.js';
import * as init from './init.js';
/** Weight initialization schemes: `init.xavierUniform(w)`, `init.kaimingNormal(w, { mode: 'fanOut' })`, … */
export { init };
export { Linear, type LinearOptions } from './layers/linear.js';
export { Dropout, type DropoutOptions } from './layers/dropout.js';
export { BatchNorm1d, type BatchNormOptions } from './layers/batch-norm1d.js';
export { LayerNorm, type LayerNormOptions } from './layers/layer-norm.js';
export { Embedding, type EmbeddingOptions } from './layers/embedding.js';
export { Flatten } from './layers/flatten.js';
export { ReLU, LeakyReLU, GELU, SiLU, Tanh, Sigmoid, Softmax, LogSoftmax, Identity } from './layers/activations.js';
export { registerLayer, buildLayer, type LayerSpec, type SavableLayer } from './layers/registry.js';
export { Conv1d, Conv2d, type ConvOptions, type SizeArg } from './layers/conv.js';
export { conv1d, conv2d, type Conv1dParams, type Conv2dParams } from './layers/conv-op.js';
export { MaxPool1d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, type Pool2dOptions } from './layers/pool.js';
export { maxPool2d, avgPool2d, adaptiveAvgPool2d, type Pool2dParams } from './layers/pool-op.js';
export { BatchNorm2d, type BatchNorm2dOptions } from './layers/batch-norm2d.js';
export { LSTM, GRU, type RecurrentOptions } from './layers/recurrent.js';
export { lstmLayer, gruLayer, type RecurrentWeights } from './layers/recurrent-op.js';
export { MultiheadAttention, type MultiheadAttentionOptions, type AttentionCallOptions } from './layers/attention.js';
export { TransformerEncoderLayer, type TransformerEncoderLayerOptions } from './layers/transformer.js';
export { mseLoss, l1Loss, huberLoss } from './losses/regression.js';
export { crossEntropy, nllLoss, bceWithLogits, pickTargets, type ClassTargets, type CrossEntropyOptions, type NLLLossOptions } from './losses/classification.js';
export { MSELoss, L1Loss, HuberLoss, CrossEntropyLoss, NLLLoss, BCEWithLogitsLoss } from './losses/modules.js';
export type { Reduction } from './losses/reduction.js';
export { Optimizer, type OptimizerOptions } from './optim/optimizer.js';
export { SGD, type SGDOptions } from './optim/sgd.js';
export { Adam, AdamW, type AdamOptions } from './optim/adam.js';
export { RMSprop, type RMSpropOptions } from './optim/rmsprop.js';
export { StepLR, ExponentialLR, CosineAnnealingLR, ReduceLROnPlateau, type LRScheduler, type PlateauOptions } from './optim/schedulers.js';
export { DataLoader, type DataLoaderOptions } from './data/data-loader.js';
export { encodeTensor, decodeTensor, type EncodedTensor } from './serialize.js';
export { Sequential, type SequentialJSON, type DataInput } from './keras/sequential.js';
export type { CompileConfig, LossName, OptimizerName, MetricName, LossFn } from './keras/compile.js';
export type { FitOptions, History } from './keras/fit.js';
export { EarlyStopping, ModelCheckpoint, type Callback, type Logs, type TrainingContext, type EarlyStoppingOptions, type ModelCheckpointOptions } from './keras/callbacks.js';
export { ProgressBar } from './keras/progress-bar.js';
export { MLPClassifier, type MLPClassifierParams, type MLPClassifierState } from './estimators/mlp-classifier.js';
export { MLPRegressor, type MLPRegressorParams, type MLPRegressorState } from './estimators/mlp-regressor.js';
export type { MLPParams, MLPActivation, MLPSolver, MLPLearningRate } from './estimators/mlp-params.js';
