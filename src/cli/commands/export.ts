/** `strata export MODEL --format onnx|js [--out FILE]`: a saved pipeline as a portable file. */
import type { Command } from 'commander';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { jsModuleSignature, readOnnx, toJsModule, toOnnx } from '../../export/index.js';
import type { Pipeline } from '../../learn/index.js';
import { loadModel } from '../../track/index.js';
import { UsageError } from '../errors.js';
import { formatTable } from '../table.js';

export type ExportFormat = 'onnx' | 'js';

/** One input or output of the exported file. */
export interface ExportedTensor {
  name: string;
  type: string;
  /** ONNX: the declared shape ('N' for the batch); absent for JS. */
  shape?: (number | string | null)[];
}

export interface ExportResult {
  format: ExportFormat;
  out: string;
  inputs: ExportedTensor[];
  outputs: ExportedTensor[];
  bytes: number;
}

const EXTENSION: Record<ExportFormat, string> = { onnx: '.onnx', js: '.mjs' };

/** Where the file goes without --out: beside a model file, or NAME-VERSION.ext for a registry reference. */
export function defaultExportPath(ref: string, format: ExportFormat): string {
  const ext = EXTENSION[format];
  if (extname(ref) === '.json') return join(dirname(ref), basename(ref, '.json') + ext);
  return ref.replace(/[:@/\\]/g, '-') + ext;
}

/** Writes through a temp file and a rename, so a failure never leaves half a file. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Converts a loaded pipeline and writes it to `out`. */
export function exportPipeline(pipeline: Pipeline, format: ExportFormat, out: string, name?: string): ExportResult {
  if (format === 'js') {
    const source = toJsModule(pipeline);
    const signature = jsModuleSignature(pipeline);
    writeAtomically(out, source);
    return {
      format, out, bytes: Buffer.byteLength(source),
      inputs: signature.inputs.map((c) => ({ name: c.name, type: c.type })),
      outputs: signature.outputs.map((o) => ({ name: o.name, type: o.type })),
    };
  }
  const bytes = toOnnx(pipeline, name ? { name } : {});
  const info = readOnnx(bytes);
  writeAtomically(out, bytes);
  const tensor = (t: { name: string; type: string; shape: unknown[] }): ExportedTensor => ({ name: t.name, type: t.type, shape: t.shape as ExportedTensor['shape'] });
  return { format, out, bytes: bytes.length, inputs: info.inputs.map(tensor), outputs: info.outputs.map(tensor) };
}

function checkExportFormat(format: string): ExportFormat {
  if (format !== 'onnx' && format !== 'js') throw new UsageError(`--format must be 'onnx' or 'js', got '${format}'.`);
  return format;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a saved model as a portable file: ONNX, or one dependency-free JavaScript module')
    .argument('<MODEL>', 'a model file saved by strata train, or a registered NAME, NAME:VERSION or NAME@ALIAS')
    .requiredOption('--format <F>', "'onnx' (runs in ONNX Runtime) or 'js' (an ES module with predict/predictProba)")
    .option('--out <FILE>', 'where to write it (default: beside the model file, or NAME-VERSION.onnx|.mjs)')
    .option('--store <URI>', 'tracking store holding registered models (default $STRATA_HOME/strata.db or .strata/strata.db)')
    .option('--json', 'print one JSON object instead of tables')
    .addHelpText('after', '\nExamples:\n  $ strata export .strata/models/ridge-20261125-101500.json --format onnx --out ridge.onnx\n  $ strata export churn:2 --format js --out churn.mjs\n')
    .action(async (ref: string, opts: { format: string; out?: string; store?: string; json?: boolean }) => {
      const format = checkExportFormat(opts.format);
      const out = opts.out ?? defaultExportPath(ref, format);
      const { file, pipeline } = await loadModel(ref, opts.store);
      const r = exportPipeline(pipeline, format, out, file.model);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ format: r.format, out: r.out, inputs: r.inputs, outputs: r.outputs }) + '\n');
        return;
      }
      const shape = (t: ExportedTensor): string => (t.shape ? `[${t.shape.map((d) => d ?? '?').join(', ')}]` : '');
      const rows = [
        ...r.inputs.map((t) => ['input', t.name, t.type, shape(t)]),
        ...r.outputs.map((t) => ['output', t.name, t.type, shape(t)]),
      ];
      process.stdout.write(
        `${file.model} → ${r.out} (${format === 'js' ? 'JavaScript module' : 'ONNX'}, ${(r.bytes / 1024).toFixed(1)} KiB)\n\n` +
          formatTable(format === 'js' ? ['', 'name', 'type'] : ['', 'name', 'type', 'shape'], format === 'js' ? rows.map((row) => row.slice(0, 3)) : rows) + '\n',
      );
    });
}
