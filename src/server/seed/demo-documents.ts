/**
 * The demo's document traffic: a few months of incoming and outgoing documents at Phường Pleiku and Phường Diên
 * Hồng through the real service path with the clock moved along (ctx.now swapped, as demo-history.ts does), in every
 * state — to direct, in progress, overdue, answered and closed; drafts in review, signed, numbered, sealed and sent
 * (to Diên Hồng, where they arrive signed in the incoming register, and to outside recipients as packages). Diên
 * Hồng directs few of its documents in the software (as the inspected ward that routed 20 %), so the rates differ.
 *
 * The PDFs are plain one-page letters made here (the Decree 30 layout renderer is a separate piece of work); only
 * Phường Pleiku has signing keys in the demo PKI, so only it sends.
 */
import PDFDocument from 'pdfkit';
import type { AppContext } from '../platform/context.ts';
import type { AuthInfo } from '../platform/http/auth.ts';
import { SERIF_FONTS } from '../platform/pdf/fonts.ts';
import { nextOfficeTime, toLocalDate } from '../../core/calendar/index.ts';

async function authOf(ctx: AppContext, username: string): Promise<AuthInfo> {
  const { loadAssignments, findUserByUsername } = await import('../modules/staff/index.ts');
  const u = await findUserByUsername(ctx.db, username);
  if (!u) throw new Error(`seed: no account ${username}`);
  return { userId: u.id, username, fullName: u.fullName, assignments: await loadAssignments(ctx.db, u.id) } as AuthInfo;
}

/** A one-page A4 letter with the text given (Liberation Serif, the official metrics). */
function letterPdf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 }, info: { Title: lines[0] ?? 'Văn bản', Producer: 'motcua (demo)' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('serif', SERIF_FONTS.regular);
    doc.registerFont('serif-bold', SERIF_FONTS.bold);
    doc.font('serif-bold').fontSize(13).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
    doc.fontSize(14).text('Độc lập - Tự do - Hạnh phúc', { align: 'center' }).moveDown(2);
    for (const [i, l] of lines.entries()) doc.font(i === 0 ? 'serif-bold' : 'serif').fontSize(14).text(l, { align: i === 0 ? 'center' : 'justify' }).moveDown(0.6);
    doc.end();
  });
}

const SENDERS = ['Ủy ban nhân dân tỉnh Gia Lai', 'Sở Nội vụ tỉnh Gia Lai', 'Sở Tư pháp tỉnh Gia Lai', 'Công an tỉnh Gia Lai', 'Sở Nông nghiệp và Môi trường tỉnh Gia Lai'];
const SUBJECTS = [
  ['official_letter', 'V/v báo cáo kết quả thực hiện cải cách hành chính'],
  ['plan', 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2026'],
  ['invitation', 'Giấy mời dự hội nghị trực tuyến về chuyển đổi số'],
  ['official_letter', 'V/v rà soát thủ tục hành chính lĩnh vực hộ tịch'],
  ['decision', 'Quyết định công bố danh mục thủ tục hành chính được chuẩn hóa'],
  ['report', 'Báo cáo tình hình tiếp nhận, giải quyết phản ánh, kiến nghị'],
  ['notice', 'Thông báo lịch tiếp công dân của lãnh đạo'],
  ['official_letter', 'V/v đôn đốc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính'],
] as const;

export interface DemoDocumentsSummary {
  incoming: number;
  outgoing: number;
}

/** Traffic from `from` to `until` (weekly-ish, deterministic). Returns how many documents were made. */
export async function seedDemoDocuments(ctx: AppContext, opts: { from: Date; until: Date; seed?: number }): Promise<DemoDocumentsSummary> {
  let x = opts.seed ?? 7;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const svc = ctx.services.documents;
  const [pClerk, pLeader, pSpec, dClerk, dLeader, dSpec] = (await Promise.all(
    ['pleiku.motcua', 'pleiku.lanhdao', 'pleiku.chuyenvien', 'dienhong.motcua', 'dienhong.lanhdao', 'dienhong.chuyenvien'].map((u) => authOf(ctx, u)),
  )) as [AuthInfo, AuthInfo, AuthInfo, AuthInfo, AuthInfo, AuthInfo];
  const dienHongId = dClerk.assignments[0]!.agencyId;
  const realNow = ctx.now;
  let clock = new Date(opts.from);
  ctx.now = () => new Date(clock);
  const cal = await ctx.services.calendar.calendar();
  const office = (t: Date) => nextOfficeTime(t, cal);
  const later = (hours: number) => (clock = office(new Date(clock.getTime() + hours * 3_600_000)));
  const done = () => clock.getTime() >= opts.until.getTime();
  const upload = async (lines: string[]) => {
    const bytes = await letterPdf(lines);
    const stored = await ctx.files.put(bytes);
    await ctx.services.dossiers.registerFile(stored.sha256, stored.size, 'application/pdf');
    return { sha256: stored.sha256, fileName: 'van-ban.pdf' };
  };
  let incoming = 0;
  let outgoing = 0;
  let n = 0;
  try {
    clock = office(clock);
    while (!done()) {
      n++;
      const [kind, subject] = SUBJECTS[n % SUBJECTS.length]!;
      const sender = SENDERS[n % SENDERS.length]!;
      const startedAt = clock;
      // ---- an incoming document at each ward
      for (const [clerk, leader, spec, directShare] of [[pClerk, pLeader, pSpec, 0.9], [dClerk, dLeader, dSpec, 0.2]] as const) {
        clock = startedAt;
        const file = await upload([subject, `Kính gửi: Ủy ban nhân dân phường.`, `${sender} đề nghị Ủy ban nhân dân phường triển khai thực hiện nội dung nêu trên và báo cáo kết quả đúng thời hạn.`]);
        let d = await svc.register(clerk, { numberSymbol: `${10 + n}/${kind === 'decision' ? 'QĐ-UBND' : 'UBND-VP'}`, issuedOn: toLocalDate(new Date(clock.getTime() - 2 * 86_400_000)), senderName: sender, kind, urgency: n % 7 === 0 ? 'urgent' : 'normal', confidentiality: 'normal', summary: subject, pages: 1, file });
        incoming++;
        if ((n % 10) / 10 >= directShare) continue; // left undirected in the software (to direct)
        later(2 + rnd() * 20);
        if (done()) break;
        d = await svc.direct(leader, d.id, { version: d.version, direction: 'Giao chuyên viên tham mưu xử lý, báo cáo kết quả', handlerId: spec.userId, workingDays: 3 + Math.floor(rnd() * 5) });
        // A spread of outcomes, fixed by the document's number: 1 in 10 stays directed (and becomes overdue), 1 in 10
        // stays in process, 1 in 10 is answered late, the rest on time.
        const r = ((n * 3 + (clerk === pClerk ? 0 : 5)) % 10) / 10;
        if (r < 0.1) continue;
        later(4 + rnd() * 30);
        if (done()) break;
        d = await svc.process(spec, d.id, { version: d.version, note: 'Đã tổng hợp, dự thảo văn bản trả lời' });
        if (r < 0.2) continue; // still in process
        later((r < 0.3 ? 150 : 8) + rnd() * 40); // some late
        if (done()) break;
        d = await svc.reply(spec, d.id, { version: d.version, note: 'Đã trả lời bằng văn bản' });
        if (rnd() < 0.6) {
          later(2);
          if (!done()) await svc.close(spec, d.id, { version: d.version, note: 'Lưu hồ sơ công việc' });
        }
      }
      // ---- every other week, an outgoing document of Phường Pleiku to Diên Hồng (and an outside recipient)
      if (n % 2 === 0) {
        clock = office(new Date(startedAt.getTime() + 3_600_000));
        const sub = `V/v phối hợp ${SUBJECTS[(n + 3) % SUBJECTS.length]![1].replace(/^V\/v /, '').toLowerCase()}`;
        let o = await svc.draft(pSpec, { kind: 'official_letter', subject: sub, unitSymbol: 'VP', urgency: 'normal', confidentiality: 'normal', file: await upload([sub, 'Kính gửi: Ủy ban nhân dân Phường Diên Hồng.', 'Ủy ban nhân dân Phường Pleiku đề nghị quý cơ quan phối hợp thực hiện nội dung trên.']) });
        outgoing++;
        const stop = (n / 2) % 6;
        const steps: (() => Promise<void>)[] = [
          async () => void (o = await svc.submit(pSpec, o.id, { version: o.version })),
          async () => void (o = await svc.comment(pLeader, o.id, { version: o.version, comment: 'Bổ sung thời hạn phối hợp' })),
          async () => void (o = await svc.approveSign(pLeader, o.id, { version: o.version })),
          async () => void (o = await svc.issueNumber(pClerk, o.id, { version: o.version })),
          async () => void (o = await svc.seal(pClerk, o.id, { version: o.version })),
          async () => void (o = (await svc.send(pClerk, o.id, { version: o.version, recipients: [{ agencyId: dienHongId }, ...(n % 4 === 0 ? [{ name: 'Công ty Cổ phần Cấp nước Gia Lai' }] : [])] })).document),
        ];
        // Most are sent; a few stop in review, signed or numbered (the recent ones stay open anyway).
        const last = stop === 1 ? 2 : stop === 3 ? 3 : steps.length;
        for (const step of steps.slice(0, last)) {
          later(1 + rnd() * 6);
          if (done()) break;
          await step();
        }
      }
      clock = office(new Date(startedAt.getTime() + (4 + rnd() * 5) * 86_400_000));
    }
  } finally {
    ctx.now = realNow;
  }
  return { incoming, outgoing };
}
