/**
 * readOnnx: decodes an .onnx file (any producer) into what `strata inspect` shows — opsets,
 * typed inputs and outputs, node counts, metadata — and checks that every node reads only
 * values defined before it (the ONNX checker's topological-order rule).
 */
import { ELEM_TYPE_NAME } from './graph.js';
import { ModelProto } from './proto.js';
import type { OnnxModelInfo, OnnxTensorInfo } from './types.js';

interface Dimension { dimValue?: number; dimParam?: string }
interface TypeProto {
  tensorType?: { elemType?: number; shape?: { dim?: Dimension[] } };
  sequenceType?: unknown;
  mapType?: unknown;
}
interface ValueInfo { name: string; type?: TypeProto }
interface NodeProto { input?: string[]; output?: string[]; opType: string; domain?: string }
interface GraphProto { name?: string; node?: NodeProto[]; initializer?: { name?: string }[]; input?: ValueInfo[]; output?: ValueInfo[] }
interface Model {
  irVersion?: number;
  producerName?: string;
  producerVersion?: string;
  opsetImport?: { domain?: string; version?: number }[];
  graph?: GraphProto;
  metadataProps?: { key: string; value: string }[];
}

function tensorInfo(v: ValueInfo): OnnxTensorInfo {
  const t = v.type;
  if (t?.tensorType) {
    const dims = t.tensorType.shape?.dim ?? [];
    return {
      name: v.name,
      type: ELEM_TYPE_NAME[t.tensorType.elemType ?? 0] ?? `type${t.tensorType.elemType ?? 0}`,
      shape: dims.map((d) => (d.dimValue !== undefined ? Number(d.dimValue) : d.dimParam !== undefined && d.dimParam !== '' ? d.dimParam : null)),
    };
  }
  return { name: v.name, type: t?.sequenceType ? 'sequence' : t?.mapType ? 'map' : 'unknown', shape: [] };
}

/**
 * Decodes ONNX bytes. Throws an Error saying the bytes are not an ONNX model when they do
 * not parse or hold no graph.
 *
 * @example
 * const info = readOnnx(readFileSync('model.onnx'));
 * info.opsets;  // [{ domain: '', version: 21 }, { domain: 'ai.onnx.ml', version: 5 }]
 */
export function readOnnx(bytes: Uint8Array): OnnxModelInfo {
  let model: Model;
  try {
    model = ModelProto.toObject(ModelProto.decode(bytes), { longs: Number, defaults: false, arrays: true }) as Model;
  } catch (err) {
    throw new Error(`Not an ONNX model: the bytes do not parse as an ONNX ModelProto (${err instanceof Error ? err.message : String(err)}).`);
  }
  const graph = model.graph;
  if (!graph) throw new Error('Not an ONNX model: the file has no graph.');
  const nodes = graph.node ?? [];
  const operators: Record<string, number> = {};
  const defined = new Set<string>(['']);
  for (const i of graph.input ?? []) defined.add(i.name);
  for (const t of graph.initializer ?? []) defined.add(t.name ?? '');
  const undefinedInputs: string[] = [];
  for (const n of nodes) {
    const key = n.domain ? `${n.domain}:${n.opType}` : n.opType;
    operators[key] = (operators[key] ?? 0) + 1;
    for (const i of n.input ?? []) if (!defined.has(i)) undefinedInputs.push(i);
    for (const o of n.output ?? []) defined.add(o);
  }
  for (const o of graph.output ?? []) if (!defined.has(o.name)) undefinedInputs.push(o.name);
  return {
    irVersion: Number(model.irVersion ?? 0),
    producer: { name: model.producerName ?? '', version: model.producerVersion ?? '' },
    graphName: graph.name ?? '',
    opsets: (model.opsetImport ?? []).map((o) => ({ domain: o.domain ?? '', version: Number(o.version ?? 0) })),
    inputs: (graph.input ?? []).filter((i) => !(graph.initializer ?? []).some((t) => t.name === i.name)).map(tensorInfo),
    outputs: (graph.output ?? []).map(tensorInfo),
    nodes: nodes.length,
    operators,
    initializers: (graph.initializer ?? []).length,
    metadata: Object.fromEntries((model.metadataProps ?? []).map((p) => [p.key, p.value])),
    undefinedInputs,
  };
}
