/** `strata inspect FILE.onnx`: what an ONNX file takes and gives — inputs, outputs, opsets, nodes. */
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { readOnnx, type OnnxModelInfo, type OnnxTensorInfo } from '../../export/index.js';
import { formatTable } from '../table.js';

/** The `--json` object: the keys `strata export` prints (format, inputs, outputs) plus opsets and nodes. */
export interface InspectResult {
  format: 'onnx';
  inputs: OnnxTensorInfo[];
  outputs: OnnxTensorInfo[];
  opsets: { domain: string; version: number }[];
  nodes: number;
  operators: Record<string, number>;
  ir_version: number;
  producer: string;
  metadata: Record<string, string>;
}

export function inspectOnnxFile(path: string): InspectResult {
  if (!existsSync(path)) throw new Error(`File '${path}' not found; pass the path of an .onnx file.`);
  let info: OnnxModelInfo;
  try {
    info = readOnnx(new Uint8Array(readFileSync(path)));
  } catch (err) {
    throw new Error(`'${path}' is not an ONNX model: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    format: 'onnx',
    inputs: info.inputs,
    outputs: info.outputs,
    opsets: info.opsets,
    nodes: info.nodes,
    operators: info.operators,
    ir_version: info.irVersion,
    producer: [info.producer.name, info.producer.version].filter(Boolean).join(' '),
    metadata: info.metadata,
  };
}

const shapeText = (t: OnnxTensorInfo): string => `[${t.shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('show the inputs, outputs, opsets and node count of an ONNX file')
    .argument('<FILE>', 'an .onnx file (from strata export or any other tool)')
    .option('--json', 'print one JSON object instead of tables')
    .addHelpText('after', '\nExample:\n  $ strata inspect model.onnx\n  $ strata inspect model.onnx --json\n')
    .action((file: string, opts: { json?: boolean }) => {
      const r = inspectOnnxFile(file);
      if (opts.json) {
        process.stdout.write(JSON.stringify(r) + '\n');
        return;
      }
      const io = [
        ...r.inputs.map((t) => ['input', t.name, t.type, shapeText(t)]),
        ...r.outputs.map((t) => ['output', t.name, t.type, shapeText(t)]),
      ];
      const lines = [
        formatTable(['kind', 'name', 'type', 'shape'], io),
        '',
        formatTable(['opset domain', 'version'], r.opsets.map((o) => [o.domain || 'ai.onnx', o.version])),
        '',
        `${r.nodes} nodes (${Object.entries(r.operators).map(([op, n]) => `${op} ×${n}`).join(', ')}); IR version ${r.ir_version}${r.producer ? `; produced by ${r.producer}` : ''}`,
      ];
      process.stdout.write(lines.join('\n') + '\n');
    });
}
