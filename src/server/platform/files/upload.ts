import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { sniffMime } from './file-store.ts';

/**
 * Reads the multipart field "file", checks size (MAX_UPLOAD_MB) and type by magic bytes, and stores the content
 * by hash. The same checks as POST /api/files.
 */
export async function receiveUpload(req: FastifyRequest, ctx: AppContext): Promise<{ sha256: string; size: number; mime: string; fileName: string }> {
  const part = await req.file();
  if (!part) throw new AppError('INPUT_REQUIRED', { fields: 'file' });
  const buf = await part.toBuffer();
  if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', { maxMb: Math.round(ctx.config.maxUploadBytes / 1048576) });
  if (buf.length === 0) throw new AppError('INPUT_REQUIRED', { fields: 'file' });
  const mime = sniffMime(buf);
  if (!mime) throw new AppError('FILE_TYPE_NOT_ALLOWED', { mime: part.mimetype });
  const stored = await ctx.files.put(buf);
  const fileName = (part.filename || 'tep-dinh-kem').replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 255);
  return { ...stored, mime, fileName };
}
