import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Where pdfjs finds the metrics of the 14 standard PDF fonts (Helvetica…), which PDFKit does not embed. */
const STANDARD_FONTS = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}${path.sep}`;

export interface PdfText {
  readonly pages: number;
  /** Each page's text as pdf.js reads it from the content streams, lines ending "\n". */
  readonly pageTexts: readonly string[];
}

/**
 * The text a reader would copy out of a PDF, extracted by Mozilla's pdf.js from the
 * document's own (compressed) content streams, page by page.
 */
export async function extractPdfText(pdf: Uint8Array): Promise<PdfText> {
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pageTexts: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pageTexts.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''));
    }
    return { pages: document.numPages, pageTexts };
  } finally {
    await document.destroy();
  }
}
