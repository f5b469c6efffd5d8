/** A small RFC 4180 CSV reader for request bodies (quoted fields, doubled quotes, CRLF). */
import { invalidInput } from './errors.js';

/** Rows of fields; a trailing newline adds no row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let line = 1;
  const n = text.length;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw invalidInput(`CSV line ${line}: a quote inside an unquoted field; quote the whole field and double inner quotes.`, 'csv');
      quoted = true;
    } else if (c === ',') endField();
    else if (c === '\n') {
      endRow();
      line++;
    } else if (c !== '\r') field += c;
    i++;
  }
  if (quoted) throw invalidInput(`CSV line ${line}: a quoted field is never closed.`, 'csv');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
