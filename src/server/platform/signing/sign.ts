/**
 * PAdES signing of a PDF: a new signature field (with its visible appearance, or none) and the signature
 * dictionary are written as an **incremental update** (libpdf), so every earlier signature's bytes stay as they
 * were and stay valid; @signpdf/signpdf then fills the byte range and puts the CMS (cms.ts, pkijs) in the
 * placeholder. SubFilter `ETSI.CAdES.detached`, SHA-256.
 */
import { PDF, PdfArray, PdfDict, PdfName, PdfNumber, PdfString, type PdfRef } from '@libpdf/core';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignpdfSigner } from '@signpdf/utils';
import {
  DEFAULT_PLACEMENTS,
  placementPage,
  placementRect,
  type AppearanceInput,
  type SignaturePlacement,
} from '../../../core/signing/appearance.ts';
import { pdfDateVietnam } from '../../../core/signing/time.ts';
import { AppError } from '../http/errors.ts';
import { renderAppearancePdf, type AppearanceImages } from './appearance-pdf.ts';
import { cadesDetached } from './cms.ts';
import { assertUsableAt, type Signer } from './signer.ts';
import type { TimestampAuthority } from './timestamp.ts';

export interface SignPdfOptions {
  signer: Signer;
  /** The signing time written in /M (the injected clock: ctx.now()). */
  signingTime: Date;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** The signature field's name; default `Signature<n>`, unique in the document. */
  fieldName?: string;
  /** The visible box; null or absent: an invisible signature. */
  appearance?: {
    content: AppearanceInput;
    placement?: SignaturePlacement;
    images?: AppearanceImages;
  } | null;
  /** An RFC 3161 authority: the signature gets a timestamp (PAdES B-T). */
  timestampAuthority?: TimestampAuthority | null;
  /** Bytes reserved for the CMS (hex doubles it). */
  placeholderBytes?: number;
}

const BYTE_RANGE_PLACEHOLDER = '**********';

class CmsSigner extends SignpdfSigner {
  constructor(private readonly signer: Signer, private readonly tsa: TimestampAuthority | null) {
    super();
  }
  override async sign(signedBytes: Buffer): Promise<Buffer> {
    return Buffer.from(await cadesDetached(new Uint8Array(signedBytes), this.signer, this.tsa));
  }
}

export async function loadPdf(bytes: Uint8Array): Promise<PDF> {
  if (bytes.length < 8 || Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') === -1) throw new AppError('PDF_INVALID', { reason: 'no %PDF- header' });
  let pdf: PDF;
  try {
    pdf = await PDF.load(bytes);
  } catch (e) {
    throw new AppError('PDF_INVALID', { reason: (e instanceof Error ? e.message : String(e)).slice(0, 200) });
  }
  if (pdf.isEncrypted) throw new AppError('PDF_ENCRYPTED');
  if (pdf.getPages().length === 0) throw new AppError('PDF_INVALID', { reason: 'no pages' });
  return pdf;
}

function uniqueFieldName(pdf: PDF, wanted: string | undefined): string {
  const names = new Set(pdf.getForm()?.getFieldNames() ?? []);
  if (wanted) {
    if (names.has(wanted)) throw new AppError('SIGNING_FAILED', { reason: `a field named "${wanted}" already exists` });
    return wanted;
  }
  for (let n = 1; ; n += 1) if (!names.has(`Signature${n}`)) return `Signature${n}`;
}

/** Signs `input` and returns the signed PDF: the input's bytes, unchanged, followed by one incremental update. */
export async function signPdf(input: Uint8Array, o: SignPdfOptions): Promise<Uint8Array> {
  assertUsableAt(o.signer, o.signingTime);
  const pdf = await loadPdf(input);
  const hadSignatures = (pdf.getForm()?.getSignatureFields() ?? []).some((f) => f.isSigned());
  const resolve = (ref: PdfRef) => pdf.context.resolve(ref);
  const pages = pdf.getPages();
  const placement = o.appearance ? o.appearance.placement ?? DEFAULT_PLACEMENTS[o.appearance.content.kind] : null;
  const page = pages[placement ? placementPage(placement, pages.length) : 0]!;
  let rect: [number, number, number, number] = [0, 0, 0, 0];
  let apRef: PdfRef | null = null;
  if (o.appearance && placement) {
    rect = placementRect(placement, page.width, page.height);
    const box = await renderAppearancePdf(o.appearance.content, rect[2] - rect[0], rect[3] - rect[1], o.appearance.images);
    apRef = (await pdf.embedPage(await PDF.load(box), 0)).ref;
  }
  const sigDict = PdfDict.of({
    Type: PdfName.of('Sig'),
    Filter: PdfName.of('Adobe.PPKLite'),
    SubFilter: PdfName.of('ETSI.CAdES.detached'),
    ByteRange: new PdfArray([PdfNumber.of(0), PdfName.of(BYTE_RANGE_PLACEHOLDER), PdfName.of(BYTE_RANGE_PLACEHOLDER), PdfName.of(BYTE_RANGE_PLACEHOLDER)]),
    Contents: PdfString.fromHex('00'.repeat(o.placeholderBytes ?? (o.timestampAuthority ? 20_000 : 12_000))),
    M: PdfString.fromString(pdfDateVietnam(o.signingTime)),
  });
  if (o.reason) sigDict.set('Reason', PdfString.fromString(o.reason));
  if (o.location) sigDict.set('Location', PdfString.fromString(o.location));
  if (o.contactInfo) sigDict.set('ContactInfo', PdfString.fromString(o.contactInfo));
  sigDict.set('Prop_Build', PdfDict.of({ App: PdfDict.of({ Name: PdfName.of('motcua') }) }));
  const sigRef = pdf.register(sigDict);
  // A merged signature field and widget annotation: printed (4) and locked (128); its appearance, when visible,
  // is the embedded box.
  const widget = PdfDict.of({
    Type: PdfName.of('Annot'),
    Subtype: PdfName.of('Widget'),
    FT: PdfName.of('Sig'),
    T: PdfString.fromString(uniqueFieldName(pdf, o.fieldName)),
    V: sigRef,
    F: PdfNumber.of(132),
    P: page.ref,
    Rect: new PdfArray(rect.map((n) => PdfNumber.of(n))),
  });
  if (apRef) widget.set('AP', PdfDict.of({ N: apRef }));
  const widgetRef = pdf.register(widget);
  const annots = page.dict.getArray('Annots', resolve);
  if (annots) annots.push(widgetRef);
  else page.dict.set('Annots', new PdfArray([widgetRef]));
  // The catalog's AcroForm: the form libpdf manages (created when missing), with SigFlags SignaturesExist | AppendOnly.
  pdf.getOrCreateForm();
  const catalog = pdf.getCatalog();
  const acroForm = catalog.getDict('AcroForm', resolve);
  if (!acroForm) throw new AppError('SIGNING_FAILED', { reason: 'no AcroForm' });
  const fields = acroForm.getArray('Fields', resolve);
  if (fields) fields.push(widgetRef);
  else acroForm.set('Fields', new PdfArray([widgetRef]));
  acroForm.set('SigFlags', PdfNumber.of(3));
  const prepared = await pdf.save({ incremental: true });
  if (hadSignatures && !startsWith(prepared, input)) {
    // libpdf could not append (e.g. a linearised or repaired file) and rewrote the file: that would break the
    // earlier signatures, so refuse.
    throw new AppError('SIGNING_FAILED', { reason: 'the signed document cannot be updated incrementally' });
  }
  try {
    return new Uint8Array(await new SignPdf().sign(Buffer.from(prepared), new CmsSigner(o.signer, o.timestampAuthority ?? null)));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('SIGNING_FAILED', { reason: (e instanceof Error ? e.message : String(e)).slice(0, 200) });
  }
}

function startsWith(a: Uint8Array, prefix: Uint8Array): boolean {
  if (a.length < prefix.length) return false;
  return Buffer.from(a.buffer, a.byteOffset, prefix.length).equals(Buffer.from(prefix.buffer, prefix.byteOffset, prefix.length));
}
