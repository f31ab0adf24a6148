import type { Readable } from 'node:stream';
import type { CellValue } from '@escalation-insights/shared';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { IMPORT_LIMITS } from '../import-limits.js';
import { ImportsErrorCode, ImportsException } from '../imports.exception.js';
import type { SourceRow } from './source-row.js';

/**
 * The rows of an .xlsx workbook's first sheet, streamed: the zip is read by random
 * access (yauzl), the sheet's XML by an event parser (saxes), so a 100,000-row sheet
 * never sits in memory. Only the shared strings (text used by cells) are held, as every
 * reader of the format must. Numeric cells come as numbers: a date column's numbers are
 * Excel serial dates. Formula cells give their cached result.
 */
export async function* xlsxRows(path: string): AsyncGenerator<SourceRow> {
  const zip = await openWorkbook(path);
  try {
    const entries = await listEntries(zip);
    const sheetPath = await firstSheetPath(zip, entries);
    const sheet = entries.get(sheetPath);
    if (!sheet) throw unreadable(`the workbook names its first sheet ${sheetPath}, which it does not contain`);
    const shared = entries.get('xl/sharedStrings.xml');
    const strings = shared ? await sharedStrings(zip, shared) : [];
    yield* sheetRows(await zip.openReadStreamPromise(sheet), strings);
  } finally {
    zip.close();
  }
}

function unreadable(reason: string): ImportsException {
  return new ImportsException(ImportsErrorCode.UNREADABLE_FILE, `The file cannot be read as an Excel workbook: ${reason}.`);
}

async function openWorkbook(path: string): Promise<ZipFile> {
  try {
    return await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: false });
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : String(error));
  }
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName.replace(/^\/+/, ''), entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(unreadable(error.message)));
    zip.readEntry();
  });
}

/** Streams an XML entry through a parser, with a bound on its uncompressed size. */
async function parseEntry(zip: ZipFile, entry: Entry, limit: number, handlers: (parser: SaxesParser) => void): Promise<void> {
  if (entry.uncompressedSize > limit) throw unreadable(`${entry.fileName} is too large to read`);
  const parser = new SaxesParser();
  handlers(parser);
  const stream = await zip.openReadStreamPromise(entry);
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<string>) parser.write(chunk);
    parser.close();
  } catch (error) {
    throw error instanceof ImportsException ? error : unreadable(error instanceof Error ? error.message : String(error));
  }
}

async function firstSheetPath(zip: ZipFile, entries: Map<string, Entry>): Promise<string> {
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new ImportsException(ImportsErrorCode.UNSUPPORTED_FILE_TYPE, 'This is a zip file but not an Excel workbook: upload the escalation log as CSV or .xlsx.');
  let relationId: string | null = null;
  await parseEntry(zip, workbook, 50_000_000, (parser) =>
    parser.on('opentag', (tag) => {
      if (relationId === null && localName(tag.name) === 'sheet') relationId = attribute(tag, 'r:id');
    }),
  );
  let target: string | null = null;
  await parseEntry(zip, rels, 10_000_000, (parser) =>
    parser.on('opentag', (tag) => {
      if (localName(tag.name) === 'Relationship' && attribute(tag, 'Id') === relationId) target = attribute(tag, 'Target');
    }),
  );
  if (!target) throw empty();
  const found: string = target;
  return found.startsWith('/') ? found.slice(1) : `xl/${found}`;
}

function empty(): ImportsException {
  return new ImportsException(ImportsErrorCode.EMPTY_FILE, 'The workbook has no sheet.');
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function attribute(tag: SaxesTagPlain | { attributes: unknown }, name: string): string | null {
  const value = (tag.attributes as Record<string, string | undefined>)[name];
  return value ?? null;
}

async function sharedStrings(zip: ZipFile, entry: Entry): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let inPhonetic = false;
  await parseEntry(zip, entry, IMPORT_LIMITS.maxSharedStringsBytes, (parser) => {
    parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'si') current = [];
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    });
    parser.on('text', (text) => {
      if (inText && current) current.push(text);
    });
    parser.on('closetag', (tag) => {
      const name = localName(tag.name);
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si' && current) {
        strings.push(current.join(''));
        current = null;
      }
    });
  });
  return strings;
}

/** "AB12" → 27 (0-based column index). */
function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

async function* sheetRows(stream: Readable, strings: readonly string[]): AsyncGenerator<SourceRow> {
  const ready: SourceRow[] = [];
  const parser = new SaxesParser();
  let row: { number: number; cells: CellValue[] } | null = null;
  let cell: { index: number; type: string; text: string[] } | null = null;
  let inValue = false;
  let rowCount = 0;

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'row') {
      rowCount += 1;
      row = { number: Number(attribute(tag, 'r') ?? rowCount), cells: [] };
      rowCount = row.number;
    } else if (name === 'c' && row) {
      const reference = attribute(tag, 'r');
      cell = { index: reference ? columnIndex(reference) : row.cells.length, type: attribute(tag, 't') ?? 'n', text: [] };
    } else if ((name === 'v' || name === 't') && cell) inValue = true;
  });
  parser.on('text', (text) => {
    if (!inValue || !cell) return;
    cell.text.push(text);
    if (cell.text.reduce((n, part) => n + part.length, 0) > IMPORT_LIMITS.maxCellChars) {
      throw new ImportsException(ImportsErrorCode.CELL_TOO_LARGE, `Row ${row?.number ?? '?'} has a cell over ${IMPORT_LIMITS.maxCellChars.toLocaleString('en-GB')} characters long.`);
    }
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 'v' || name === 't') inValue = false;
    else if (name === 'c' && cell && row) {
      if (cell.index >= IMPORT_LIMITS.maxColumns) throw new ImportsException(ImportsErrorCode.CELL_TOO_LARGE, `Row ${row.number} has more than ${IMPORT_LIMITS.maxColumns} columns.`);
      while (row.cells.length < cell.index) row.cells.push(null);
      row.cells[cell.index] = cellValue(cell.type, cell.text.join(''), strings);
      cell = null;
    } else if (name === 'row' && row) {
      ready.push({ row: row.number, cells: row.cells });
      row = null;
    }
  });

  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      while (ready.length > 0) yield ready.shift()!;
    }
    parser.close();
  } catch (error) {
    throw error instanceof ImportsException ? error : unreadable(error instanceof Error ? error.message : String(error));
  } finally {
    stream.destroy();
  }
  while (ready.length > 0) yield ready.shift()!;
}

function cellValue(type: string, text: string, strings: readonly string[]): CellValue {
  switch (type) {
    case 's':
      return strings[Number(text)] ?? null;
    case 'b':
      return text === '1' ? 'TRUE' : 'FALSE';
    case 'str':
    case 'inlineStr':
    case 'e':
    case 'd':
      return text;
    default: {
      if (text === '') return null;
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
  }
}
