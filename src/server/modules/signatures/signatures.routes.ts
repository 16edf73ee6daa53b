import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAuth } from '../../platform/http/auth.ts';
import { AppError } from '../../platform/http/errors.ts';
import { SIGNATURE_LABELS } from '../../../core/signing/verdict.ts';
import type { VerificationReport } from '../../platform/signing/index.ts';
import { SignerOut, VerificationOut } from './signatures.schemas.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';


function present(r: VerificationReport, bytes: Uint8Array, fileName: string | null): z.infer<typeof VerificationOut> {
  return {
    fileName,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    status: r.status,
    statusLabel: SIGNATURE_LABELS[r.status],
    revisions: r.revisions,
    signatures: r.signatures.map((s) => ({ ...s, statusLabel: SIGNATURE_LABELS[s.status], problems: s.problems.map((code) => ({ code, label: SIGNATURE_LABELS[code] })) })),
  };
}

/** Verification of signed PDFs (staff and public), the demo CA, the registered signers. */
export const signaturesRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['signatures'];
  const svc = ctx.services.signatures;
  const summary = 'Verify the digital signatures of a PDF (multipart, field "file"): each signature with signer, time, certificate, whether it covers the whole revision and the whole document, whether the bytes are intact, whether the certificate chains to a trusted CA. The file is not stored.';

  app.post('/signatures/verify', { schema: { tags, summary: `${summary} Staff; up to MAX_UPLOAD_MB.`, consumes: ['multipart/form-data'], response: { 200: VerificationOut } } }, async (req) => {
    requireAuth(req);
    const { bytes, fileName } = await readUploadedFile(req, ctx.config.maxUploadBytes);
    return present(await svc.verify(bytes), bytes, fileName);
  });

  app.post('/public/signatures/verify', { schema: { tags, summary: `${summary} Public, no sign-in; up to SIGNING_VERIFY_MAX_MB (10 MB).`, consumes: ['multipart/form-data'], response: { 200: VerificationOut } } }, async (req) => {
    const { bytes, fileName } = await readUploadedFile(req, ctx.config.signingVerifyMaxBytes);
    return present(await svc.verify(bytes), bytes, fileName);
  });

  app.get('/public/signatures/ca.pem', { schema: { tags, summary: 'The demo CA certificate (PEM) that signs the demo signers’ certificates: import it into a verifier (Acrobat, pdfsig -nssdir) to trust demo signatures. 404 without a demo PKI.' } }, async (_req, reply) => {
    const pem = svc.demoCaPem();
    if (!pem) throw new AppError('NOT_FOUND', { entity: 'CA' });
    reply.header('content-type', 'application/x-pem-file').header('content-disposition', 'attachment; filename="motcua-demo-ca.pem"');
    return pem;
  });

  app.get('/signatures/signers', { schema: { tags, summary: 'The registered signers (software tokens now) with their certificates; staff.', response: { 200: z.object({ items: z.array(SignerOut) }) } } }, async (req) => {
    requireAuth(req);
    return { items: await svc.signers() };
  });
};
