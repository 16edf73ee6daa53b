/**
 * Digital signatures as a service of the product: verify any uploaded PDF against the trusted CAs, publish the
 * demo CA, and sign with a registered signer (the document office and the one-stop result path call `sign`).
 * The signing itself is platform/signing; this module owns the signer registry (DATA_DIR/pki/signers.json for the
 * software tokens of the demo) and the trust list. No tables: signatures live in the PDFs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import {
  CA_FILE,
  PKI_MANIFEST,
  certificateInfo,
  ensureDemoPki,
  httpTimestampAuthority,
  pemCertificates,
  pkcs12Signer,
  signPdf,
  verifyPdf,
  type CertificateInfo,
  type PkiManifest,
  type PkiSignerEntry,
  type Signer,
  type TimestampAuthority,
  type VerificationReport,
} from '../../platform/signing/index.ts';
import type { AppearanceKind, SignaturePlacement } from '../../../core/signing/appearance.ts';

export interface SignerSummary {
  id: string;
  kind: 'person' | 'agency';
  agencyCode: string;
  agencyName: string;
  name: string;
  title: string | null;
  /** A person's key: the staff account it belongs to (null: not bound to an account, nobody signs with it as a person). */
  username: string | null;
  certificate: CertificateInfo;
}

export interface SignAsOptions {
  /** A registered signer id, e.g. "pleiku.leader" or "pleiku.seal". */
  signerId: string;
  reason?: string;
  location?: string;
  /** The visible box: the signer's kind (person → signature, agency → seal) unless 'copy'; null: invisible. */
  appearance?: AppearanceKind | null;
  placement?: SignaturePlacement;
  /** PNG of the handwritten signature or the seal. */
  image?: Uint8Array | null;
}

export class SignaturesService {
  private signerCache = new Map<string, Promise<Signer>>();
  private anchorsCache: Uint8Array[] | null = null;

  constructor(private readonly ctx: AppContext) {}

  get pkiDir(): string {
    return path.join(this.ctx.config.dataDir, 'pki');
  }

  /** Creates the demo PKI (test CA, a leader and the seal of Phường Pleiku, a TSA) at first demo start. */
  ensureDemoPki(): PkiManifest {
    const m = ensureDemoPki(this.pkiDir, this.ctx.now());
    this.anchorsCache = null;
    return m;
  }

  private manifest(): PkiManifest | null {
    const f = path.join(this.pkiDir, PKI_MANIFEST);
    return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as PkiManifest) : null;
  }

  /** The demo CA's certificate (PEM), for verifiers to trust; null when the demo PKI was never created. */
  demoCaPem(): string | null {
    const f = path.join(this.pkiDir, CA_FILE);
    return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : null;
  }

  /** DER of every trusted CA: the demo CA (if any) and the configured SIGNING_TRUSTED_CAS files. */
  trustAnchors(): Uint8Array[] {
    if (this.anchorsCache) return this.anchorsCache;
    const pems = [this.demoCaPem(), ...this.ctx.config.signingTrustedCaFiles.map((f) => fs.readFileSync(f, 'utf8'))].filter((p): p is string => p !== null);
    this.anchorsCache = pems.flatMap(pemCertificates);
    return this.anchorsCache;
  }

  verify(bytes: Uint8Array): Promise<VerificationReport> {
    return verifyPdf(bytes, { trustAnchors: this.trustAnchors(), now: this.ctx.now });
  }

  private entry(id: string): PkiSignerEntry {
    const e = this.manifest()?.signers.find((s) => s.id === id);
    if (!e) throw new AppError('SIGNER_NOT_FOUND', { id });
    return e;
  }

  /** The id of the agency's seal signer (kind `agency`, registered for this agency code), or null when it has none. */
  sealOf(agencyCode: string): string | null {
    return this.manifest()?.signers.find((s) => s.kind === 'agency' && s.agencyCode === agencyCode)?.id ?? null;
  }

  /** The registered signers with their certificates (each signer is loaded once). */
  async signers(): Promise<SignerSummary[]> {
    const out: SignerSummary[] = [];
    for (const e of this.manifest()?.signers ?? []) {
      const signer = await this.signer(e.id);
      out.push({ id: e.id, kind: e.kind, agencyCode: e.agencyCode, agencyName: e.agencyName, name: e.name, title: e.title ?? null, username: e.username ?? null, certificate: certificateInfo(signer.certificate) });
    }
    return out;
  }

  /** Loads (once) the signer registered as `id`. Other key stores (token, remote service) plug in here. */
  signer(id: string): Promise<Signer> {
    let s = this.signerCache.get(id);
    if (!s) {
      const e = this.entry(id);
      s = pkcs12Signer(fs.readFileSync(path.join(this.pkiDir, e.p12)), e.password);
      s.catch(() => this.signerCache.delete(id));
      this.signerCache.set(id, s);
    }
    return s;
  }

  timestampAuthority(): TimestampAuthority | null {
    return this.ctx.config.signingTsaUrl ? httpTimestampAuthority(this.ctx.config.signingTsaUrl) : null;
  }

  /**
   * Signs `pdf` as the registered signer at the clock's time, with the appearance of its kind, and a timestamp
   * when SIGNING_TSA_URL is set. Earlier signatures stay valid (incremental update).
   */
  async sign(pdf: Uint8Array, o: SignAsOptions): Promise<Uint8Array> {
    const e = this.entry(o.signerId);
    const signer = await this.signer(o.signerId);
    const now = this.ctx.now();
    const kind = o.appearance === undefined ? e.kind : o.appearance;
    return signPdf(pdf, {
      signer,
      signingTime: now,
      reason: o.reason,
      location: o.location,
      timestampAuthority: this.timestampAuthority(),
      appearance: kind === null ? null : {
        content: { kind, name: e.name, title: e.title, agency: e.agencyName, signedAt: now },
        placement: o.placement,
        images: kind === 'agency' ? { seal: o.image ?? null } : { signature: o.image ?? null },
      },
    });
  }
}
