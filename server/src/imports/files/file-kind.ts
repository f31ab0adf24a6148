import { open } from 'node:fs/promises';
import { ImportsErrorCode, ImportsException } from '../imports.exception.js';

export type ImportFileKind = 'csv' | 'xlsx';

const SNIFF_BYTES = 8192;

/**
 * What a stored file is, from its first bytes (never from its name): a zip is taken for an
 * .xlsx (the workbook reader checks it is one), text for CSV. Anything else is refused
 * with what it looks like, and an empty (or blank) file is refused as empty.
 * @throws ImportsException UNSUPPORTED_FILE_TYPE, EMPTY_FILE
 */
export async function detectFileKind(path: string): Promise<ImportFileKind> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (bytesRead === 0 || /^[\s\uFEFF]*$/.test(head.toString('utf8'))) throw empty('The file is empty.');
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
    if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw unsupported('This is an old-style Excel .xls (or another Office) file: save it as .xlsx or CSV and upload that.');
    }
    if (head.subarray(0, 5).toString('latin1') === '%PDF-') throw unsupported('This is a PDF: upload the escalation log as CSV or .xlsx.');
    if (head[0] === 0xff && head[1] === 0xfe) return 'csv'; // UTF-16 text, as Excel's "Unicode text" saves it
    if (head.includes(0)) throw unsupported('This is not a CSV or .xlsx file (it holds binary data): upload the escalation log as CSV or .xlsx.');
    return 'csv';
  } finally {
    await handle.close();
  }
}

function unsupported(message: string): ImportsException {
  return new ImportsException(ImportsErrorCode.UNSUPPORTED_FILE_TYPE, message);
}

export function empty(message: string): ImportsException {
  return new ImportsException(ImportsErrorCode.EMPTY_FILE, message);
}
