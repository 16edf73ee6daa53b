import type { FastifyReply } from 'fastify';

/** Sets Content-Disposition with an ASCII fallback and the UTF-8 file name (RFC 6266 / 5987). */
export function disposition(reply: FastifyReply, type: 'inline' | 'attachment', fileName: string): void {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  reply.header('content-disposition', `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
}
