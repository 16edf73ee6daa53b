/**
 * `motcua dossier …`: an HTTP client of the running server (same validation and authorisation as the API).
 *   MOTCUA_URL (default http://127.0.0.1:3000), MOTCUA_USER, MOTCUA_PASSWORD
 *   motcua dossier create --agency <agency code> --procedure <code> --channel desk|postal|online --name "…" [--id-number …] [--phone …] [--action receive] [--input '{…}']
 *   motcua dossier show <dossier code>
 *   motcua dossier history <dossier code>
 *   motcua dossier act <dossier code> <action> [--input '{…}'] [--note "…"]
 *   motcua dossier queue [--view mine|unassigned|due_soon|overdue|…]
 */
import { parseArgs } from 'node:util';

interface ApiError { error?: { code: string; message: string; messageEn: string; details?: unknown } }

class Client {
  private token: string | null = null;
  constructor(readonly base: string) {}
  async login(user: string, password: string) {
    const r = await this.call('POST', '/api/auth/login', { username: user, password });
    this.token = (r as { token: string }).token;
  }
  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(this.base + path, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...(method === 'POST' && path === '/api/dossiers' ? { 'idempotency-key': crypto.randomUUID() } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    const json = (await res.json()) as ApiError;
    if (!res.ok) throw new Error(`${json.error?.code ?? res.status}: ${json.error?.message ?? ''} / ${json.error?.messageEn ?? ''}${json.error?.details ? ' ' + JSON.stringify(json.error.details) : ''}`);
    return json;
  }
}

const print = (v: unknown) => console.log(JSON.stringify(v, null, 2));

export async function runDossierCommand(sub: string, argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      agency: { type: 'string' },
      procedure: { type: 'string' },
      channel: { type: 'string', default: 'desk' },
      name: { type: 'string' },
      'id-number': { type: 'string' },
      phone: { type: 'string' },
      action: { type: 'string', default: 'receive' },
      input: { type: 'string' },
      note: { type: 'string' },
      view: { type: 'string', default: 'all' },
    },
  });
  const user = process.env.MOTCUA_USER;
  const password = process.env.MOTCUA_PASSWORD;
  if (!user || !password) throw new Error('set MOTCUA_USER and MOTCUA_PASSWORD (and MOTCUA_URL if not http://127.0.0.1:3000)');
  const client = new Client(process.env.MOTCUA_URL ?? 'http://127.0.0.1:3000');
  await client.login(user, password);
  const input = values.input ? (JSON.parse(values.input) as Record<string, unknown>) : {};
  if (values.note) input.note = values.note;
  const byCode = async (code: string | undefined) => {
    if (!code) throw new Error('a dossier code is required');
    return (await client.call('GET', `/api/dossiers/by-code/${encodeURIComponent(code)}`)) as { id: string; version: number };
  };
  switch (sub) {
    case 'create': {
      if (!values.agency || !values.procedure || !values.name) throw new Error('--agency, --procedure and --name are required');
      const agencies = (await client.call('GET', '/api/agencies?limit=1000')) as { items: { id: string; code: string }[] };
      const agency = agencies.items.find((a) => a.code === values.agency);
      if (!agency) throw new Error(`unknown agency code ${values.agency}`);
      print(
        await client.call('POST', '/api/dossiers', {
          agencyId: agency.id,
          procedureCode: values.procedure,
          channel: values.channel,
          action: values.action,
          applicant: { fullName: values.name, ...(values['id-number'] ? { idNumber: values['id-number'] } : {}), ...(values.phone ? { phone: values.phone } : {}) },
          input,
        }),
      );
      return;
    }
    case 'show':
      print(await byCode(positionals[0]));
      return;
    case 'history': {
      const d = await byCode(positionals[0]);
      const h = (await client.call('GET', `/api/dossiers/${d.id}/history`)) as { items: { at: string; text: string }[] };
      for (const e of h.items) console.log(`${e.at}  ${e.text}`);
      return;
    }
    case 'act': {
      const d = await byCode(positionals[0]);
      if (!positionals[1]) throw new Error('an action is required');
      print(await client.call('POST', `/api/dossiers/${d.id}/actions`, { action: positionals[1], version: d.version, input }));
      return;
    }
    case 'queue':
      print(await client.call('GET', `/api/dossiers?view=${encodeURIComponent(values.view ?? 'all')}`));
      return;
    default:
      throw new Error(`unknown dossier subcommand ${sub}: create | show | history | act | queue`);
  }
}
