/**
 * Renders a reform report (core/reform ReportDocument) to DOCX with the `docx` package, in the layout of a
 * Vietnamese administrative document (Decree 30/2020 style): Times New Roman 13–14 pt, A4, header table with the
 * agency and the national motto, bold title, justified body with first-line indents, the figures appendix as a
 * bordered table, and "Nơi nhận" beside the signature. Editable by the unit in any word processor.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { MOTTO, type ReportDocument } from '../../../core/reform/index.ts';

const FONT = 'Times New Roman';
/** Half-points. */
const SIZE = { body: 28, header: 26, small: 22, table: 24 };
/** Twips (1/20 pt); A4 with 3 cm left, 2 cm right, 2 cm top/bottom margins. */
const PAGE = { width: 11906, height: 16838, left: 1701, right: 1134, top: 1134, bottom: 1134 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

type RunOpts = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean; color?: string };

const run = (text: string, o: RunOpts = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? SIZE.body, bold: o.bold ?? false, italics: o.italics ?? false, ...(o.underline ? { underline: {} } : {}), ...(o.color ? { color: o.color } : {}) });

const para = (text: string, o: RunOpts & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; before?: number; after?: number } = {}) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.LEFT,
    spacing: { before: o.before ?? 0, after: o.after ?? 60, line: 300 },
    ...(o.indent ? { indent: { firstLine: 567 } } : {}),
    children: [run(text, o)],
  });

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(children: Paragraph[], width: number, borders = false) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: borders ? { top: LINE, bottom: LINE, left: LINE, right: LINE } : { top: NONE, bottom: NONE, left: NONE, right: NONE },
    margins: borders ? { top: 40, bottom: 40, left: 80, right: 80 } : { top: 0, bottom: 0, left: 0, right: 0 },
    children,
  });
}

function headerTable(d: ReportDocument): Table {
  const leftW = Math.round(TEXT_WIDTH * 0.42);
  const rightW = TEXT_WIDTH - leftW;
  const left: Paragraph[] = [];
  if (d.header.parentBody) left.push(para(d.header.parentBody, { size: SIZE.header, align: AlignmentType.CENTER, after: 0 }));
  left.push(para(d.header.agency, { size: SIZE.header, bold: true, align: AlignmentType.CENTER, after: 0 }));
  left.push(para('———————', { size: SIZE.small, align: AlignmentType.CENTER, after: 60 }));
  left.push(para(d.header.number, { size: SIZE.header, align: AlignmentType.CENTER, after: 0 }));
  const right = [
    para(MOTTO[0], { size: SIZE.header, bold: true, align: AlignmentType.CENTER, after: 0 }),
    para(MOTTO[1], { size: SIZE.body, bold: true, align: AlignmentType.CENTER, after: 0 }),
    para('———————————————', { size: SIZE.small, align: AlignmentType.CENTER, after: 60 }),
    para(d.header.placeDate, { size: SIZE.body, italics: true, align: AlignmentType.CENTER, after: 0 }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftW), cell(right, rightW)] })],
  });
}

function appendixTable(d: ReportDocument): Table {
  const w1 = Math.round(TEXT_WIDTH * 0.62);
  const w2 = TEXT_WIDTH - w1;
  const head = new TableRow({
    tableHeader: true,
    children: d.appendix.columns.map((c, i) => cell([para(c, { bold: true, size: SIZE.table, align: AlignmentType.CENTER, after: 0 })], i === 0 ? w1 : w2, true)),
  });
  const rows = d.appendix.rows.map(
    ([label, value]) =>
      new TableRow({
        children: [cell([para(label, { size: SIZE.table, after: 0 })], w1, true), cell([para(value, { size: SIZE.table, align: AlignmentType.RIGHT, after: 0 })], w2, true)],
      }),
  );
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [w1, w2], rows: [head, ...rows] });
}

function signatureTable(d: ReportDocument): Table {
  const leftW = Math.round(TEXT_WIDTH * 0.5);
  const rightW = TEXT_WIDTH - leftW;
  const [first, ...rest] = d.recipients;
  const left = [para(first ?? '', { bold: true, italics: true, size: SIZE.table, after: 0 }), ...rest.map((r) => para(r, { size: SIZE.small, after: 0 }))];
  const right = [
    ...d.signature.lines.map((l) => para(l, { bold: true, align: AlignmentType.CENTER, after: 0 })),
    para('', { after: 0 }),
    para('', { after: 0 }),
    para('', { after: 0 }),
    para(d.signature.name ?? '', { bold: true, align: AlignmentType.CENTER, after: 0 }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftW), cell(right, rightW)] })],
  });
}

export async function renderReportDocx(d: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [headerTable(d)];
  if (d.draftMark) children.push(para(d.draftMark, { bold: true, color: 'C00000', align: AlignmentType.RIGHT, before: 120, after: 0 }));
  children.push(para(d.title, { bold: true, align: AlignmentType.CENTER, before: 240, after: 0 }));
  children.push(para(d.subtitle, { bold: true, align: AlignmentType.CENTER, after: 120 }));
  if (d.recipient) children.push(para(d.recipient, { align: AlignmentType.CENTER, after: 240 }));
  for (const s of d.sections) {
    children.push(para(s.heading, { bold: true, align: AlignmentType.JUSTIFIED, before: 120, indent: true }));
    for (const line of s.body.split('\n')) children.push(para(line, { align: AlignmentType.JUSTIFIED, indent: true }));
  }
  children.push(para(d.appendix.title, { bold: true, align: AlignmentType.LEFT, before: 240, after: 120 }));
  children.push(appendixTable(d));
  children.push(para(d.appendix.note, { italics: true, size: SIZE.small, before: 60, after: 240 }));
  children.push(signatureTable(d));

  const doc = new Document({
    title: d.meta.title,
    subject: d.meta.subject,
    creator: 'motcua',
    description: d.meta.subject,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
