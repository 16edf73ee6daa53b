/**
 * Delivery adapters of the notification dispatcher. An adapter takes the messages of the channels it serves
 * (e-mail, SMS). Shipped: the local mail catcher (demo/test: stores what was "sent" in `sent_messages`) and a
 * minimal SMTP client (SMTP_URL). An SMS gateway is a further adapter with `channels: ['sms']`.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { Db } from '../../platform/db/database.ts';
import { insertSent } from './notifications.repository.ts';

/**
 * Channels. 'sms' and 'zalo' are delivered by gateway adapters that implement MessageAdapter with
 * `channels: ['sms']` / `['zalo']` (a provider's HTTP API); none ships yet, so in the demo the mail catcher
 * records them.
 */
export type MessageChannel = 'email' | 'sms' | 'zalo';

export interface OutgoingMessage {
  channel: MessageChannel;
  to: string;
  subject: string;
  body: string;
}

export interface MessageAdapter {
  readonly name: string;
  readonly channels: readonly MessageChannel[];
  send(msg: OutgoingMessage, meta: { outboxId: number; at: Date }): Promise<void>;
}

/** Demo and test delivery: writes the message to `sent_messages` (listed by GET /api/dev/messages). */
export class MailCatcherAdapter implements MessageAdapter {
  readonly name = 'mail-catcher';
  readonly channels = ['email', 'sms', 'zalo'] as const;
  constructor(private readonly db: Db) {}
  async send(msg: OutgoingMessage, meta: { outboxId: number; at: Date }) {
    await insertSent(this.db, { channel: msg.channel, to: msg.to, subject: msg.subject, body: msg.body, outboxId: meta.outboxId, at: meta.at });
  }
}

/**
 * E-mail over SMTP: `smtp://user:pass@host:587` (plain connection) or `smtps://…:465` (implicit TLS).
 * Deliberately small (EHLO, AUTH PLAIN, MAIL/RCPT/DATA); STARTTLS is not implemented, so use smtps:// or a
 * local relay.
 */
export class SmtpAdapter implements MessageAdapter {
  readonly name = 'smtp';
  readonly channels = ['email'] as const;
  constructor(private readonly url: string, private readonly from: string) {}

  async send(msg: OutgoingMessage) {
    const u = new URL(this.url);
    const secure = u.protocol === 'smtps:';
    const port = Number(u.port || (secure ? 465 : 25));
    const socket: net.Socket = secure ? tls.connect({ host: u.hostname, port, servername: u.hostname }) : net.connect({ host: u.hostname, port });
    socket.setEncoding('utf8');
    socket.setTimeout(15_000, () => socket.destroy(new Error('SMTP timeout')));
    let buffer = '';
    const waiters: ((line: string) => void)[] = [];
    const lines: string[] = [];
    let failure: Error | null = null;
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (/^\d{3} /.test(line)) {
          const w = waiters.shift();
          if (w) w(line);
          else lines.push(line);
        }
      }
    });
    socket.on('error', (e) => (failure = e));
    const reply = () => new Promise<string>((resolve, reject) => {
      if (failure) return reject(failure);
      const queued = lines.shift();
      if (queued) return resolve(queued);
      waiters.push(resolve);
      socket.once('close', () => reject(failure ?? new Error('SMTP connection closed')));
    });
    const expect = async (codes: string[]) => {
      const line = await reply();
      if (!codes.includes(line.slice(0, 3))) throw new Error(`SMTP: unexpected reply ${line}`);
    };
    const cmd = async (c: string, codes: string[]) => {
      socket.write(c + '\r\n');
      await expect(codes);
    };
    const fromAddr = /<([^>]+)>/.exec(this.from)?.[1] ?? this.from;
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    try {
      await expect(['220']);
      await cmd('EHLO motcua', ['250']);
      if (u.username) await cmd(`AUTH PLAIN ${b64(`\0${decodeURIComponent(u.username)}\0${decodeURIComponent(u.password)}`)}`, ['235']);
      await cmd(`MAIL FROM:<${fromAddr}>`, ['250']);
      await cmd(`RCPT TO:<${msg.to}>`, ['250', '251']);
      await cmd('DATA', ['354']);
      const body = b64(msg.body).replace(/.{1,76}/g, '$&\r\n');
      const data = [
        `From: ${this.from}`,
        `To: <${msg.to}>`,
        `Subject: =?UTF-8?B?${b64(msg.subject)}?=`,
        `Date: ${new Date().toUTCString()}`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        body,
      ].join('\r\n');
      await cmd(`${data}\r\n.`, ['250']);
      socket.write('QUIT\r\n');
    } finally {
      socket.end();
    }
  }
}
