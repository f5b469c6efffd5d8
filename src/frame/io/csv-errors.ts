/**
 * CSV failures explained: DuckDB's reader reports the physical line of a bad row; this turns its
 * report into a CsvParseError that names the file, the line and the column and says what to do.
 * When DuckDB's dialect sniffer gives up on a malformed file (or silently falls back to reading
 * every line as one text column), the file is re-read with the dialect fixed so that the first
 * bad row is found and reported the same way.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { messageOf, quoteIdent, quoteLiteral, withConnection } from './engine.js';
import { CsvParseError, DataFileError, DataFileNotFoundError } from './errors.js';

/** The dialect settings a diagnosis needs. */
export interface CsvDialect {
  delimiter?: string;
  quote?: string;
  header?: boolean;
  skipRows?: number;
  encoding?: string;
  nullValues?: readonly string[];
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Turns a DuckDB CSV error message into a CsvParseError (or undefined when it is not one). */
export function csvErrorFromMessage(path: string, message: string, cause?: unknown): DataFileError | undefined {
  if (/No files found that match the pattern/.test(message)) {
    return new DataFileNotFoundError(path, `File '${path}' not found; check the path and the working directory.`, { cause });
  }
  const lineMatch = /CSV Error on Line: (\d+)/.exec(message);
  const line = lineMatch ? Number(lineMatch[1]) : undefined;
  const original = /Original Line: ?(.*)/.exec(message)?.[1];
  const shown = original === undefined ? '' : ` ("${original.length > 80 ? `${original.slice(0, 80)}…` : original}")`;
  const at = line === undefined ? path : `${path} line ${line}`;

  const count = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (count) {
    const expected = Number(count[1]);
    const found = Number(count[2]);
    const column = found > expected ? expected + 1 : found + 1;
    return new CsvParseError(
      path,
      `${at}, column ${column}: expected ${expected} fields but found ${found}${shown}. ` +
        `Fix or remove that row, quote fields that contain the delimiter, or pass { delimiter, quote } if the dialect was guessed wrong.`,
      { line, column },
      { cause },
    );
  }
  const conversion = /Error when converting column "((?:[^"]|"")*)"\. Could not convert string "(.*?)" to '([^']+)'/.exec(message);
  if (conversion) {
    const column = conversion[1]!;
    const value = conversion[2]!;
    const type = conversion[3]!;
    return new CsvParseError(
      path,
      `${at}, column '${column}': cannot read "${value}" as ${type}${shown}. ` +
        `Pass dtypes: { '${column}': 'string' } to keep the column as text, or nullValues: ['${value}'] if it marks a missing value.`,
      { line, column },
      { cause },
    );
  }
  if (/Invalid unicode|not utf-8 encoded/i.test(message)) {
    return new CsvParseError(
      path,
      `${at}: the bytes are not valid UTF-8. Pass encoding: 'latin-1' or 'utf-16' (whichever the file uses), or re-encode the file as UTF-8.`,
      { line },
      { cause },
    );
  }
  if (line !== undefined && /Maximum line size of \d+ bytes exceeded/i.test(message)) {
    return new CsvParseError(
      path,
      `${at}: a line is longer than the reader's limit, which usually means an unterminated quote; check the quoting of that row or pass quote: ''.`,
      { line },
      { cause },
    );
  }
  if (line !== undefined) {
    const reason = message.split('\n').find((l, i) => i > 0 && l.trim() !== '' && !l.startsWith('Original Line')) ?? message.split('\n')[0]!;
    return new CsvParseError(path, `${at}: ${reason.trim()}${shown}.`, { line }, { cause });
  }
  return undefined;
}

/** The first `lines` lines of a text file (UTF-8, BOM removed), reading at most 1 MiB. */
function firstLines(path: string, lines: number): string[] {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8').replace(/^\ufeff/, '');
    return text.split(/\r?\n/).slice(0, lines);
  } finally {
    closeSync(fd);
  }
}

/** Splits one CSV line on `delimiter`, honouring double quotes. */
function splitLine(line: string, delimiter: string, quote: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote && ch === quote) {
      if (quoted && line[i + 1] === quote) {
        cur += quote;
        i++;
      } else quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The most frequent delimiter candidate in `line`, if any occurs. */
export function guessDelimiter(line: string): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = line.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Re-reads `path` with the dialect fixed (delimiter from the options or guessed from the header
 * line, double quotes, every column as text) and returns the error for its first malformed row,
 * or undefined when every row parses.
 */
export async function diagnoseCsv(path: string, dialect: CsvDialect): Promise<DataFileError | undefined> {
  const skip = dialect.skipRows ?? 0;
  let head: string[];
  try {
    head = firstLines(path, skip + 1);
  } catch {
    return undefined;
  }
  const headerLine = head[skip];
  if (headerLine === undefined) return undefined;
  const delimiter = dialect.delimiter ?? guessDelimiter(headerLine);
  if (delimiter === undefined) return undefined;
  const quote = dialect.quote ?? '"';
  const fields = splitLine(headerLine, delimiter, quote);
  const header = dialect.header !== false;
  const seen = new Set<string>();
  const names = fields.map((f, i) => {
    let name = header && f.trim() !== '' ? f.trim() : `column${i}`;
    while (seen.has(name)) name = `${name}_${i}`;
    seen.add(name);
    return name;
  });
  const columns = names.map((n) => `${quoteLiteral(n)}: 'VARCHAR'`).join(', ');
  const args = [
    quoteLiteral(path),
    'auto_detect=false',
    `delim=${quoteLiteral(delimiter)}`,
    `quote=${quoteLiteral(quote)}`,
    `escape=${quoteLiteral(quote)}`,
    `header=${header}`,
    `skip=${skip}`,
    `columns={${columns}}`,
  ];
  if (dialect.encoding) args.push(`encoding=${quoteLiteral(dialect.encoding)}`);
  try {
    await withConnection((con) => con.run(`SELECT count(*) FROM read_csv(${args.join(', ')}) AS ${quoteIdent('t')}`));
    return undefined;
  } catch (err) {
    return csvErrorFromMessage(path, messageOf(err), err);
  }
}

/** True when DuckDB's sniffer gave up or fell back to one text column although the header line holds a delimiter. */
export function looksMisSniffed(columnNames: readonly string[], userDelimiter: string | undefined): boolean {
  return userDelimiter === undefined && columnNames.length === 1 && guessDelimiter(columnNames[0]!) !== undefined;
}
