import PDFDocument from 'pdfkit';

/** What a 7-minute briefing says. Empty sections are left out. */
export interface BriefingContent {
  readonly title: string;
  /** Partnership, kind of gap, group and date, in one line. */
  readonly subtitle: string;
  readonly sections: readonly { readonly heading: string; readonly text: string }[];
  readonly questions: readonly string[];
  /** The closing line: where the learning comes from. */
  readonly footnote: string;
  /** Said at the foot when text had to be shortened: where the full text is. */
  readonly fullTextAt: string;
}

const MARGIN = 48;
const INK = '#0b0c0c';
const MUTED = '#484949';
const ACCENT = '#12436d';
/** Body sizes tried, largest first, before any text is shortened. */
const BODY_SIZES = [11, 10.5, 10, 9.5, 9, 8.5, 8];
const ELLIPSIS = '…';

/** Characters the built-in Helvetica (WinAnsi) can show beyond Latin-1. */
const WIN_ANSI_EXTRAS = new Set('ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœŠšŸŽž˜');

/** Text the built-in fonts can draw: anything else becomes "?", so that no glyph silently goes missing. */
export function drawableText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[^\u0000-\u00ff]/gu, (char) => (WIN_ANSI_EXTRAS.has(char) ? char : '?'));
}

interface Block {
  readonly kind: 'heading' | 'body' | 'question';
  text: string;
}

/**
 * The one-page "7-minute briefing" of a learning item, on A4 with the built-in Helvetica.
 * Always exactly one page: the largest body size from 11 pt down to 8 pt at which
 * everything fits is used; when even 8 pt is too long, the longest passages are cut at
 * a word (ending "…") until it fits, and the page says so and where the full text is.
 */
export class BriefingDocument {
  readonly pdf: PDFKit.PDFDocument;
  private readonly width: number;
  /** Whether text had to be shortened to fit the page. */
  shortened = false;
  bodySize = BODY_SIZES[0]!;

  constructor(private readonly content: BriefingContent, author: string) {
    this.pdf = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      info: { Title: drawableText(`7-minute briefing: ${content.title}`), Author: drawableText(author), Creator: 'Escalation Insights' },
    });
    this.width = this.pdf.page.width - 2 * MARGIN;
  }

  /** Lays the briefing out on its one page and ends the document. @throws Error if it would take a second page. */
  write(): void {
    const blocks = this.blocks();
    const available = this.pdf.page.height - 2 * MARGIN - this.headerHeight() - this.footerHeight(true);
    const fitting = BODY_SIZES.find((size) => this.height(blocks, size) <= available);
    if (fitting !== undefined) {
      this.bodySize = fitting;
    } else {
      this.bodySize = BODY_SIZES.at(-1)!;
      this.shorten(blocks, available);
    }
    this.drawHeader();
    for (const block of blocks) this.drawBlock(block, this.bodySize);
    this.drawFooter();
    const pages = this.pdf.bufferedPageRange().count;
    if (pages !== 1) throw new Error(`The briefing took ${pages} pages; it must fit one.`);
    this.pdf.end();
  }

  private blocks(): Block[] {
    const blocks: Block[] = [];
    for (const section of this.content.sections) {
      const text = drawableText(section.text.trim());
      if (text === '') continue;
      blocks.push({ kind: 'heading', text: drawableText(section.heading) }, { kind: 'body', text });
    }
    const questions = this.content.questions.map((question) => drawableText(question.trim())).filter((question) => question !== '');
    if (questions.length > 0) {
      blocks.push({ kind: 'heading', text: 'Questions to consider' });
      for (const question of questions) blocks.push({ kind: 'question', text: question });
    }
    return blocks;
  }

  private headerHeight(): number {
    this.pdf.font('Helvetica-Bold').fontSize(20);
    const title = this.pdf.heightOfString(drawableText(this.content.title), { width: this.width });
    this.pdf.font('Helvetica').fontSize(10);
    const subtitle = this.pdf.heightOfString(drawableText(this.content.subtitle), { width: this.width });
    return 14 + 6 + title + 4 + subtitle + 14;
  }

  private footerHeight(withNote: boolean): number {
    this.pdf.font('Helvetica').fontSize(8);
    const note = withNote ? this.pdf.heightOfString(this.shortenedNote(), { width: this.width }) : 0;
    return 12 + this.pdf.heightOfString(drawableText(this.content.footnote), { width: this.width }) + note;
  }

  private blockHeight(block: Block, size: number): number {
    if (block.kind === 'heading') {
      this.pdf.font('Helvetica-Bold').fontSize(size + 2);
      return size * 0.7 + this.pdf.heightOfString(block.text, { width: this.width }) + 3;
    }
    this.pdf.font('Helvetica').fontSize(size);
    const indent = block.kind === 'question' ? 14 : 0;
    return this.pdf.heightOfString(block.text, { width: this.width - indent, lineGap: 1.5 }) + size * 0.35;
  }

  private height(blocks: readonly Block[], size: number): number {
    return blocks.reduce((sum, block) => sum + this.blockHeight(block, size), 0);
  }

  /** Cuts the tallest passage by a tenth, at a word, until everything fits. */
  private shorten(blocks: Block[], available: number): void {
    this.shortened = true;
    const size = this.bodySize;
    const heights = new Map(blocks.map((block) => [block, this.blockHeight(block, size)]));
    const total = () => [...heights.values()].reduce((sum, height) => sum + height, 0);
    while (total() > available) {
      const candidates = blocks.filter((block) => block.kind !== 'heading' && block.text.length > 1);
      if (candidates.length === 0) throw new Error('The briefing cannot fit one page even with its text cut.');
      const tallest = candidates.reduce((a, b) => (heights.get(b)! > heights.get(a)! ? b : a));
      tallest.text = cutAtWord(tallest.text, Math.floor(tallest.text.length * 0.9));
      heights.set(tallest, this.blockHeight(tallest, size));
    }
  }

  private drawHeader(): void {
    const pdf = this.pdf;
    pdf.font('Helvetica-Bold').fontSize(10).fillColor(ACCENT).text('7-MINUTE BRIEFING', MARGIN, MARGIN, { width: this.width, characterSpacing: 1 });
    pdf.moveDown(0.3).font('Helvetica-Bold').fontSize(20).fillColor(INK).text(drawableText(this.content.title), { width: this.width });
    pdf.moveDown(0.2).font('Helvetica').fontSize(10).fillColor(MUTED).text(drawableText(this.content.subtitle), { width: this.width });
    const y = pdf.y + 6;
    pdf.moveTo(MARGIN, y).lineTo(MARGIN + this.width, y).lineWidth(1.5).strokeColor(ACCENT).stroke();
    pdf.x = MARGIN;
    pdf.y = y + 8;
  }

  private drawBlock(block: Block, size: number): void {
    const pdf = this.pdf;
    if (block.kind === 'heading') {
      pdf.y += size * 0.7;
      pdf.font('Helvetica-Bold').fontSize(size + 2).fillColor(ACCENT).text(block.text, MARGIN, pdf.y, { width: this.width });
      pdf.y += 3;
      return;
    }
    pdf.font('Helvetica').fontSize(size).fillColor(INK);
    if (block.kind === 'question') {
      const top = pdf.y;
      pdf.text('•', MARGIN + 2, top, { width: 10, lineBreak: false });
      pdf.text(block.text, MARGIN + 14, top, { width: this.width - 14, lineGap: 1.5 });
    } else {
      pdf.text(block.text, MARGIN, pdf.y, { width: this.width, lineGap: 1.5 });
    }
    pdf.x = MARGIN;
    pdf.y += size * 0.35;
  }

  private drawFooter(): void {
    const pdf = this.pdf;
    // The footer sits in the bottom margin: lift the margin so that PDFKit does not start a page for it.
    pdf.page.margins.bottom = 0;
    const footnote = drawableText(this.content.footnote);
    pdf.font('Helvetica').fontSize(8);
    const lines = [footnote, ...(this.shortened ? [this.shortenedNote()] : [])];
    const height = lines.reduce((sum, line) => sum + pdf.heightOfString(line, { width: this.width }), 0);
    let y = pdf.page.height - MARGIN - height;
    pdf.moveTo(MARGIN, y - 6).lineTo(MARGIN + this.width, y - 6).lineWidth(0.5).strokeColor('#b1b4b6').stroke();
    for (const line of lines) {
      pdf.fillColor(line === footnote ? MUTED : INK).text(line, MARGIN, y, { width: this.width });
      y = pdf.y;
    }
  }

  private shortenedNote(): string {
    return drawableText(`Some text was shortened to fit one page. The full text is in ${this.content.fullTextAt}.`);
  }
}

/** The text cut to at most `length` characters, at the last word boundary, ending "…". */
export function cutAtWord(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, Math.max(1, length));
  const space = cut.search(/\s\S*$/);
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}${ELLIPSIS}`;
}
