/** The one reader of an uploaded file that is checked but not stored (multipart field "file", at most `maxBytes`). */
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export async function readUploadedFile(req: FastifyRequest, maxBytes: number): Promise<{ bytes: Uint8Array; fileName: string | null }> {
  if (!req.isMultipart()) throw new AppError('INPUT_REQUIRED', { fields: 'file' });
  const part = await req.file({ limits: { fileSize: maxBytes } });
  if (!part) throw new AppError('INPUT_REQUIRED', { fields: 'file' });
  const buf = await part.toBuffer();
  if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', { maxMb: Math.round((maxBytes / 1048576) * 10) / 10 });
  if (buf.length === 0) throw new AppError('INPUT_REQUIRED', { fields: 'file' });
  return { bytes: new Uint8Array(buf), fileName: part.filename ? part.filename.slice(0, 255) : null };
}
