import PDFDocument from 'pdfkit';

/** One bar of a chart: its label, its length (null: not shown, e.g. suppressed) and what to print beside it. */
export interface Bar {
  readonly label: string;
  readonly value: number | null;
  readonly display: string;
}

export interface TableColumn {
  readonly header: string;
  /** Share of the text width, 0–1. */
  readonly width: number;
  readonly align?: 'left' | 'right';
}

export interface KeyFigure {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
}

const MARGIN = 50;
const INK = '#1b1b1b';
const MUTED = '#5c5c5c';
const BAR = '#1d5c96';
const RULE = '#c8c8c8';

/**
 * A plain A4 report drawn with PDFKit's built-in Helvetica (no font files to ship):
 * headings, paragraphs, key figures, tables that carry their header over page breaks,
 * and horizontal bar charts drawn as vector shapes. Reports (the quarterly report; the
 * strategic log's later) are written against this, not against PDFKit.
 */
export class ReportDocument {
  readonly pdf: PDFKit.PDFDocument;
  private readonly width: number;

  constructor(title: string, author: string) {
    this.pdf = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: title, Author: author, Creator: 'Escalation Insights' } });
    this.width = this.pdf.page.width - 2 * MARGIN;
    this.pdf.fillColor(INK).font('Helvetica');
  }

  title(text: string, subtitle: string): void {
    this.pdf.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(text, { width: this.width });
    this.pdf.moveDown(0.2).font('Helvetica').fontSize(11).fillColor(MUTED).text(subtitle, { width: this.width }).fillColor(INK).moveDown(1);
  }

  heading(text: string): void {
    this.room(80);
    this.pdf.moveDown(0.6).font('Helvetica-Bold').fontSize(14).fillColor(BAR).text(text, MARGIN, undefined, { width: this.width }).fillColor(INK).moveDown(0.3);
  }

  paragraph(text: string, options: { muted?: boolean; size?: number } = {}): void {
    this.pdf.font('Helvetica').fontSize(options.size ?? 10).fillColor(options.muted ? MUTED : INK).text(text, MARGIN, undefined, { width: this.width }).fillColor(INK).moveDown(0.4);
  }

  /** Figures side by side, three to a row. */
  keyFigures(figures: readonly KeyFigure[]): void {
    const perRow = 3;
    const cell = this.width / perRow;
    for (let start = 0; start < figures.length; start += perRow) {
      this.room(60);
      const top = this.pdf.y;
      figures.slice(start, start + perRow).forEach((figure, i) => {
        const x = MARGIN + i * cell;
        this.pdf.font('Helvetica').fontSize(9).fillColor(MUTED).text(figure.label, x, top, { width: cell - 10 });
        this.pdf.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(figure.value, x, top + 13, { width: cell - 10 });
        if (figure.note) this.pdf.font('Helvetica').fontSize(8).fillColor(MUTED).text(figure.note, x, top + 35, { width: cell - 10 });
      });
      this.pdf.x = MARGIN;
      this.pdf.y = top + 55;
    }
    this.pdf.fillColor(INK);
  }

  /** Horizontal bars scaled to the longest (or `max`), each labelled and followed by its figure. */
  barChart(title: string, bars: readonly Bar[], options: { max?: number } = {}): void {
    const rowHeight = 16;
    this.room(30 + Math.min(bars.length, 12) * rowHeight);
    this.pdf.font('Helvetica-Bold').fontSize(10).text(title, MARGIN, undefined, { width: this.width }).moveDown(0.3);
    const labelWidth = this.width * 0.38;
    const chartWidth = this.width * 0.47;
    const max = options.max ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
    for (const bar of bars) {
      this.room(rowHeight + 4);
      const y = this.pdf.y;
      this.pdf.font('Helvetica').fontSize(8.5).fillColor(INK).text(bar.label, MARGIN, y + 2, { width: labelWidth - 6, height: rowHeight, ellipsis: true, lineBreak: false });
      const x = MARGIN + labelWidth;
      this.pdf.rect(x, y + 2, chartWidth, rowHeight - 5).fillColor('#eef2f6').fill();
      if (bar.value !== null && bar.value > 0) this.pdf.rect(x, y + 2, Math.max(1, (bar.value / max) * chartWidth), rowHeight - 5).fillColor(BAR).fill();
      this.pdf.fillColor(bar.value === null ? MUTED : INK).text(bar.display, x + chartWidth + 6, y + 2, { width: this.width - labelWidth - chartWidth - 6, lineBreak: false });
      this.pdf.x = MARGIN;
      this.pdf.y = y + rowHeight;
    }
    this.pdf.fillColor(INK).moveDown(0.6);
  }

  /** A table with a ruled header, repeated at the top of each page it runs onto. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], empty = 'None.'): void {
    if (rows.length === 0) {
      this.paragraph(empty, { muted: true });
      return;
    }
    const drawRow = (cells: readonly string[], bold: boolean) => {
      this.pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
      const heights = cells.map((text, i) => this.pdf.heightOfString(text, { width: columns[i]!.width * this.width - 6 }));
      const height = Math.max(12, ...heights) + 4;
      if (this.pdf.y + height > this.bottom()) {
        this.pdf.addPage();
        if (!bold) drawRow(columns.map((c) => c.header), true);
      }
      const y = this.pdf.y;
      let x = MARGIN;
      cells.forEach((text, i) => {
        const column = columns[i]!;
        this.pdf.fillColor(INK).text(text, x + 2, y + 2, { width: column.width * this.width - 6, align: column.align ?? 'left' });
        x += column.width * this.width;
      });
      this.pdf.moveTo(MARGIN, y + height).lineTo(MARGIN + this.width, y + height).strokeColor(RULE).lineWidth(0.5).stroke();
      this.pdf.x = MARGIN;
      this.pdf.y = y + height;
    };
    this.room(40);
    drawRow(columns.map((c) => c.header), true);
    for (const row of rows) drawRow(row, false);
    this.pdf.moveDown(0.6);
  }

  /** Numbers every page ("Page 2 of 5") with the report's footnote, then ends the document. */
  finish(footnote: string): void {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.pdf.switchToPage(i);
      // Below the bottom margin PDFKit would start a new page for the footer: lift the margin while writing it.
      this.pdf.page.margins.bottom = 0;
      const y = this.pdf.page.height - MARGIN + 15;
      this.pdf.font('Helvetica').fontSize(7.5).fillColor(MUTED);
      this.pdf.text(footnote, MARGIN, y, { width: this.width * 0.8, lineBreak: false });
      this.pdf.text(`Page ${i + 1} of ${range.count}`, MARGIN, y, { width: this.width, align: 'right', lineBreak: false });
    }
    this.pdf.end();
  }

  private bottom(): number {
    return this.pdf.page.height - MARGIN - 10;
  }

  /** Starts a new page unless `height` points fit on this one. */
  private room(height: number): void {
    if (this.pdf.y + height > this.bottom()) this.pdf.addPage();
  }
}
