import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { CellValue } from '@escalation-insights/shared';
import { IMPORT_LIMITS } from '../import-limits.js';
import { ImportsErrorCode, ImportsException } from '../imports.exception.js';
import type { SourceRow } from './source-row.js';

type Encoding = 'utf-8' | 'utf-16le' | 'windows-1252';

/**
 * The rows of a CSV file, streamed: UTF-8 (with or without a byte-order mark), UTF-16
 * (Excel's "Unicode text") or, when the bytes are not UTF-8, Windows-1252 (Excel's
 * "CSV" on a UK Windows PC). The delimiter — comma, semicolon or tab — is the one the
 * first line uses most. Row numbers are the file's line numbers.
 */
export async function* csvRows(path: string): AsyncGenerator<SourceRow> {
  const { encoding, delimiter } = await sniff(path);
  const source = createReadStream(path);
  const text = encoding === 'utf-8' ? source : source.pipe(decoding(encoding));
  const parser = text.pipe(
    parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: IMPORT_LIMITS.maxRowChars,
      info: true,
      ...(encoding === 'utf-8' ? {} : { encoding: 'utf8' as const }),
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.length > IMPORT_LIMITS.maxColumns) throw tooLarge(`Line ${info.lines} has ${record.length} columns; at most ${IMPORT_LIMITS.maxColumns} are read.`);
      for (const cell of record) {
        if (cell.length > IMPORT_LIMITS.maxCellChars) {
          throw tooLarge(`Line ${info.lines} has a cell of ${cell.length.toLocaleString('en-GB')} characters; a cell may hold at most ${IMPORT_LIMITS.maxCellChars.toLocaleString('en-GB')}.`);
        }
      }
      yield { row: info.lines, cells: record as CellValue[] };
    }
  } catch (error) {
    throw asImportError(error);
  } finally {
    source.destroy();
  }
}

function tooLarge(message: string): ImportsException {
  return new ImportsException(ImportsErrorCode.CELL_TOO_LARGE, message);
}

function asImportError(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const line = (error as CsvError & { lines?: number }).lines;
  const where = line ? `near line ${line}` : '';
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return tooLarge(`A row ${where} is over ${IMPORT_LIMITS.maxRowChars.toLocaleString('en-GB')} characters long (a cell with no closing quote, or far more text than an escalation holds).`);
  }
  return new ImportsException(ImportsErrorCode.UNREADABLE_FILE, `The file cannot be read as CSV ${where}: ${error.message}`);
}

async function sniff(path: string): Promise<{ encoding: Encoding; delimiter: string }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    const encoding: Encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : isUtf8(head, bytesRead === buffer.length) ? 'utf-8' : 'windows-1252';
    const text = new TextDecoder(encoding).decode(head);
    const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
    const unquoted = firstLine.replace(/"[^"]*"/g, '');
    const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
    const [delimiter] = counts.reduce((best, next) => (next[1] > best[1] ? next : best));
    return { encoding, delimiter };
  } finally {
    await handle.close();
  }
}

/** Valid UTF-8, allowing a character cut off at the end of a partial read. */
function isUtf8(bytes: Buffer, partial: boolean): boolean {
  try {
    // Streaming decode does not complain about a sequence cut off at the end.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial });
    return true;
  } catch {
    return false;
  }
}

function decoding(encoding: Encoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}
