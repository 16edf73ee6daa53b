/**
 * The notifications outbox: messages queued in a transaction are delivered by the dispatcher to the mail
 * catcher (GET /api/dev/messages) and over SMTP (a fake SMTP server on loopback); the catcher does not exist
 * in production.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNull } from 'drizzle-orm';
import { ApiClient, createTestEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { outbox } from '../../platform/db/schema.ts';

/** A minimal SMTP server that records what it receives. */
function fakeSmtp(): Promise<{ port: number; received: string[]; close(): void }> {
  const received: string[] = [];
  const server = net.createServer((s) => {
    s.setEncoding('utf8');
    let inData = false;
    let data = '';
    s.write('220 fake ESMTP\r\n');
    s.on('data', (chunk: string) => {
      for (const line of chunk.split('\r\n')) {
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(data);
            data = '';
            s.write('250 queued\r\n');
          } else data += line + '\n';
          continue;
        }
        if (!line) continue;
        if (/^EHLO/i.test(line)) s.write('250-fake\r\n250 AUTH PLAIN\r\n');
        else if (/^AUTH PLAIN/i.test(line)) s.write('235 ok\r\n');
        else if (/^(MAIL|RCPT)/i.test(line)) s.write('250 ok\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          s.write('354 go\r\n');
        } else if (/^QUIT/i.test(line)) s.end('221 bye\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as net.AddressInfo).port, received, close: () => server.close() })));
}

let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;

beforeAll(async () => {
  smtp = await fakeSmtp();
  env = await createTestEnv(new TestClock(), { smtpUrl: `smtp://user:pass@127.0.0.1:${smtp.port}`, mailCatcher: true });
  http = await startHttp(env);
});

afterAll(async () => {
  await http?.close();
  await env?.close();
  smtp?.close();
});

describe('notification dispatcher', () => {
  it('delivers a one-time code to the catcher and over SMTP, and marks the outbox row processed', async () => {
    const api = new ApiClient(http.base);
    expect((await api.post('/api/citizen/otp', { contact: 'smtp@example.vn' })).status).toBe(200);
    const caught = await api.get('/api/dev/messages?to=smtp@example.vn');
    expect(caught.body.items).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail).toContain('To: <smtp@example.vn>');
    expect(mail).toContain('Subject: =?UTF-8?B?');
    const body = Buffer.from(mail.split('\n\n')[1]!.replace(/\s/g, ''), 'base64').toString('utf8');
    expect(body).toContain(/(\d{6})/.exec(caught.body.items[0].body)![1]);
    const pending = await env.ctx.db.select().from(outbox).where(isNull(outbox.processedAt));
    expect(pending.filter((r) => r.topic === 'notification.send')).toEqual([]);
  });

  it('a failed delivery stays pending and is retried', async () => {
    const e2 = await createTestEnv(new TestClock(), { smtpUrl: 'smtp://127.0.0.1:1', mailCatcher: false });
    try {
      await e2.ctx.db.transaction((tx) => e2.ctx.services.notifications.enqueue(tx, { channel: 'email', to: 'x@example.vn', subject: 's', body: 'b' }));
      expect(await e2.ctx.services.notifications.dispatchPending()).toBe(0);
      const pending = await e2.ctx.db.select().from(outbox).where(isNull(outbox.processedAt));
      expect(pending).toHaveLength(1);
    } finally {
      await e2.close();
    }
  });
});

describe('mail catcher in production', () => {
  it('GET /api/dev/messages does not exist when the catcher is off', async () => {
    const e3 = await createTestEnv(new TestClock(), { mailCatcher: false });
    const h3 = await startHttp(e3);
    try {
      const r = await new ApiClient(h3.base).get('/api/dev/messages');
      expect(r.status).toBe(404);
    } finally {
      await h3.close();
      await e3.close();
    }
  });
});
