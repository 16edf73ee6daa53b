import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Content-addressed file storage under DATA_DIR/files/ab/cd/<sha256>. Writing the same content twice
 * stores it once. Writes go to a temporary file first and are renamed into place (atomic on POSIX).
 */
export class FileStore {
  readonly root: string;
  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
  }

  pathFor(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad file hash');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = crypto.createHash('sha256').update(content).digest('hex');
    const target = this.pathFor(sha256);
    if (!fs.existsSync(target)) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      await fs.promises.writeFile(tmp, content, { flag: 'wx' });
      await fs.promises.rename(tmp, target);
    }
    return { sha256, size: content.length };
  }

  async get(sha256: string): Promise<Buffer> {
    return fs.promises.readFile(this.pathFor(sha256));
  }

  exists(sha256: string): boolean {
    return fs.existsSync(this.pathFor(sha256));
  }
}

/** Accepted upload types, checked by magic bytes, not by the client's declared type. */
export function sniffMime(buf: Buffer): string | null {
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    // Office Open XML container (docx/xlsx): a zip whose entries name word/ or xl/.
    const head = buf.subarray(0, Math.min(buf.length, 4096)).toString('latin1');
    if (head.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    if (head.includes('[Content_Types].xml')) return 'application/vnd.openxmlformats-officedocument';
  }
  return null;
}
