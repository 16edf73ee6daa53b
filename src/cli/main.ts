/**
 * `npx motcua …` — serve, seed, import, calendar, dossier, pdf and document commands.
 *
 * Calendar and import commands open the database directly (DATABASE_URL, else the embedded database in
 * DATA_DIR). Dossier commands talk to a running server over HTTP (MOTCUA_URL, MOTCUA_USER, MOTCUA_PASSWORD),
 * so they work the same on either database and go through the same authorisation as the API.
 */
import fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../server/platform/config/config.ts';
import { DatabaseLockedError, openDatabase, type Database } from '../server/platform/db/database.ts';
import { createContext, type AppContext } from '../server/platform/context.ts';
import { ConfigurationError, startServer } from '../server/server.ts';
import { formatDemoSummary, seedDemo } from '../server/seed/demo.ts';
import {
  computeDueAt,
  createWorkCalendar,
  DEFAULT_CALENDAR_POLICIES,
  formatVnIso,
  listNonWorkingDays,
  parseIsoWithOffset,
  solarToLunar,
  formatLunarDate,
  type TimeUnit,
  type CalendarOverride,
} from '../core/calendar/index.ts';
import { AppError } from '../server/platform/http/errors.ts';
import { errorMessage } from '../core/i18n/errors.ts';
import { runDossierCommand } from './dossier-client.ts';
import { builtinProfile, readCounts, scoreReport } from './index-score.ts';
import { pdfSign, pdfVerify } from './pdf.ts';
import { parScore } from './par.ts';
import { documentRender } from './document.ts';
import { DOCUMENT_TEMPLATES } from '../server/platform/pdf/document-templates.ts';

const UNIT_NAMES: Record<string, TimeUnit> = { 'working-days': 'working_days', days: 'days', hours: 'hours', 'same-day': 'same_day' };

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const ctx = createContext(config, database);
    await ctx.services.calendar.ensurePolicies();
    return await fn(ctx);
  } finally {
    await database.close();
  }
}

/**
 * The stored calendar (policies + official overrides). If the embedded database is held by a running server,
 * fall back to the shipped policies and say so on stderr (overrides entered in the running server are not seen).
 */
async function storedCalendar(): Promise<{ policies: typeof DEFAULT_CALENDAR_POLICIES; overrides: CalendarOverride[] }> {
  try {
    return await withContext(async (ctx) => {
      const { loadPolicies, loadOverrides } = await import('../server/modules/calendar/calendar.repository.ts');
      const policies = await loadPolicies(ctx.db);
      const overrides = (await loadOverrides(ctx.db)).map(({ date, kind, reason }) => ({ date, kind, reason }));
      return { policies: policies.length ? policies : DEFAULT_CALENDAR_POLICIES, overrides };
    });
  } catch (err) {
    if (err instanceof DatabaseLockedError) {
      process.stderr.write(`warning: ${err.message}\nwarning: using the built-in calendar rules without stored overrides.\n`);
      return { policies: DEFAULT_CALENDAR_POLICIES, overrides: [] };
    }
    throw err;
  }
}

const intArg = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('a whole number');
  return n;
};

export function buildCli(): Command {
  const program = new Command('motcua').description('motcua — one-stop administrative procedures (một cửa)').showHelpAfterError();

  program
    .command('serve')
    .description('Run the server (PGlite in DATA_DIR, or PostgreSQL with DATABASE_URL)')
    .option('--demo', 'load the demo data on first start and print the demo accounts')
    .action(async (o: { demo?: boolean }) => {
      const running = await startServer({ demo: !!o.demo }).catch((e: unknown) => {
        if (!(e instanceof ConfigurationError)) throw e;
        console.error(e.message);
        process.exit(1);
      });
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });

  program
    .command('seed')
    .description('Load the demo data into an empty database')
    .action(async () => {
      await withContext(async (ctx) => {
        const s = await seedDemo(ctx);
        console.log(s ? formatDemoSummary(s) : 'The database already has data; nothing loaded.');
      });
    });

  const imp = program.command('import').description('Import catalog data');
  imp
    .command('national <files...>')
    .description('Import procedure records in the National Public Service Portal format (JSON files)')
    .action(async (files: string[]) => {
      await withContext(async (ctx) => {
        const codes = await ctx.services.catalog.importNationalRecords(files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8'))));
        console.log(`Imported ${codes.length} records: ${codes.join(', ')}`);
      });
    });
  imp
    .command('index <file>')
    .description('Import a public-page procedure index ({procedures:[…]})')
    .action(async (file: string) => {
      await withContext(async (ctx) => {
        const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { procedures: unknown[] };
        console.log(`Imported ${await ctx.services.catalog.importPublicIndex(json.procedures)} catalog entries.`);
      });
    });

  const cal = program.command('calendar').description('Working-day calendar, deadlines and the Vietnamese lunar calendar');
  cal
    .command('holidays <year>')
    .description("List a year's non-working days with their reason (official overrides included)")
    .option('--json', 'print JSON')
    .action(async (yearArg: string, o: { json?: boolean }) => {
      const year = intArg(yearArg);
      if (year < 1901 || year > 2099) throw new AppError('CALENDAR_OUT_OF_RANGE');
      const { policies, overrides } = await storedCalendar();
      const days = listNonWorkingDays(createWorkCalendar(policies, overrides), year);
      if (o.json) console.log(JSON.stringify(days, null, 2));
      else for (const d of days) console.log(`${d.date}  ${d.kind === 'working_day' ? 'làm bù ' : 'nghỉ   '} ${d.reason}`);
    });
  cal
    .command('due')
    .description('Due datetime (ISO, +07:00) for a dossier received at --from under the stored calendar')
    .requiredOption('--from <datetime>', 'receipt time, ISO with offset, e.g. 2026-02-13T10:00:00+07:00')
    .requiredOption('--amount <n>', 'processing time amount', (v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('a non-negative number');
      return n;
    })
    .requiredOption('--unit <unit>', 'working-days | days | hours | same-day')
    .option('--json', 'print JSON')
    .action(async (o: { from: string; amount: number; unit: string; json?: boolean }) => {
      const unit = UNIT_NAMES[o.unit];
      if (!unit) throw new InvalidArgumentError(`--unit must be one of ${Object.keys(UNIT_NAMES).join(', ')}`);
      const from = parseIsoWithOffset(o.from);
      const { policies, overrides } = await storedCalendar();
      const due = computeDueAt(from, { amount: o.amount, unit }, createWorkCalendar(policies, overrides));
      const out = formatVnIso(due);
      if (o.json) console.log(JSON.stringify({ from: formatVnIso(from), amount: o.amount, unit: o.unit, due: out }));
      else console.log(out);
    });
  cal
    .command('lunar <date>')
    .description('Vietnamese lunar date (UTC+7) of a solar date YYYY-MM-DD, 1900–2100')
    .option('--json', 'print JSON {"day","month","year","leap"}')
    .action((date: string, o: { json?: boolean }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < '1900-01-01' || date > '2100-12-31') throw new AppError('CALENDAR_OUT_OF_RANGE');
      const l = solarToLunar(date);
      if (o.json) console.log(JSON.stringify({ day: l.day, month: l.month, year: l.year, leap: l.leap }));
      else console.log(formatLunarDate(l));
    });
  const ov = cal.command('override').description('Official per-year notices (province admin)');
  ov.command('set <date> <kind> <reason>')
    .description('kind: day_off | working_day')
    .action(async (date: string, kind: string, reason: string) => {
      if (kind !== 'day_off' && kind !== 'working_day') throw new InvalidArgumentError('kind must be day_off or working_day');
      await withContext(async (ctx) => {
        await ctx.services.calendar.setOverride(null, { date, kind, reason });
        console.log(`Override stored: ${date} ${kind} — ${reason}`);
      });
    });

  const idx = program.command('index').description('The service index (Decision 766)');
  idx
    .command('score')
    .description('Score counts {"metrics":[{"code","numerator","denominator"}]} with a scoring profile; prints JSON: each metric\'s rate and score, each group\'s score, the total')
    .requiredOption('--input <file>', 'counts JSON file (- for standard input)')
    .option('--profile <id>', 'scoring profile id (default: the national portal profile in force)')
    .action(async (o: { input: string; profile?: string }) => {
      const counts = readCounts(o.input);
      let profile = builtinProfile(o.profile);
      if (!profile && o.profile) {
        profile = await withContext(async (ctx) => (await ctx.services.monitoring.profiles()).find((p) => p.id === o.profile) ?? null);
        if (!profile) throw new InvalidArgumentError(`unknown scoring profile ${o.profile}`);
      }
      const report = scoreReport(profile!, counts);
      if (report.ignored.length > 0) process.stderr.write(`warning: codes not in profile ${report.profile} ignored: ${report.ignored.join(', ')}\n`);
      console.log(JSON.stringify(report, null, 2));
    });
  idx
    .command('rebuild')
    .description('Recompute every dossier\'s index facts and the counters from the dossiers and their history')
    .action(async () => {
      await withContext(async (ctx) => {
        const r = await ctx.services.monitoring.rebuild();
        console.log(`Rebuilt: ${r.dossiers} dossiers, ${r.buckets} counter buckets in ${r.ms} ms`);
      });
    });

  const par = program.command('par').description('The PAR index (Chỉ số cải cách hành chính)');
  par
    .command('score')
    .description('Score a criteria tree {"surveyRun","nodes":[{"code","parent"?,"max","source"?,"applicable"?,"points"?}]}; prints JSON {"total","max","index","nodes":[{"code","points","max","percent","lost"}]}; bad input: one line per problem, exit 1')
    .requiredOption('--input <file>', 'tree JSON file (- for standard input)')
    .action((o: { input: string }) => {
      const r = parScore(o.input);
      if (r.out) console.log(r.out);
      if (r.err) process.stderr.write(`${r.err}\n`);
      process.exitCode = r.code;
    });

  const pdf = program.command('pdf').description('Digital signatures on PDF files (PAdES, ETSI.CAdES.detached)');
  pdf
    .command('sign')
    .description('Sign a PDF with a PKCS#12 key; earlier signatures stay valid (incremental update). A timestamp with --tsa or SIGNING_TSA_URL')
    .requiredOption('--in <file.pdf>', 'the PDF to sign')
    .requiredOption('--out <signed.pdf>', 'where to write the signed PDF')
    .requiredOption('--p12 <signer.p12>', 'the signer\'s PKCS#12 (.p12/.pfx) file')
    .requiredOption('--password <pw>', 'its password')
    .option('--reason <text>', 'the reason written in the signature')
    .option('--location <text>', 'the place written in the signature')
    .option('--visible', 'show the signature on the page (person: signature, name, title; agency: seal, name, time; copy: "Bản sao điện tử" at the top right of page 1)')
    .option('--kind <kind>', 'person | agency | copy (with --visible; default person)')
    .option('--name <text>', 'name shown (default: the certificate\'s CN)')
    .option('--title <text>', 'title shown (default: the certificate\'s title)')
    .option('--agency <text>', 'agency shown (default: the certificate\'s O)')
    .option('--image <file.png>', 'PNG of the handwritten signature or the seal')
    .option('--tsa <url>', 'RFC 3161 timestamp authority')
    .option('--at <page,x,y,width,height>', 'where the visible box goes, points from the top left (the boxes `document render` prints); default: the kind\'s usual place')
    .action(async (o) => {
      console.log(await pdfSign(o, loadConfig()));
    });
  pdf
    .command('verify <file>')
    .description('Verify every signature: signer, time, whether it covers the whole revision, whether the bytes are intact, trust. Exit 0 when every signature is intact, 1 when one is invalid (or untrusted with --require-trusted), 2 when unsigned')
    .option('--json', 'print the report as JSON')
    .option('--trust <ca.pem...>', 'more trusted CA certificates (PEM), besides DATA_DIR/pki/ca.pem and SIGNING_TRUSTED_CAS')
    .option('--require-trusted', 'an intact signature whose certificate does not chain to a trusted CA fails too')
    .action(async (file: string, o: { json?: boolean; trust?: string[]; requireTrusted?: boolean }) => {
      const r = await pdfVerify(file, o, loadConfig());
      console.log(r.text);
      process.exitCode = r.code;
    });

  const document = program.command('document').description('Administrative documents in the Decree 30/2020 format (A4, national motto, number and symbol, V/v, signature block, Nơi nhận)');
  document
    .command('render')
    .description(`Render a document spec (JSON) to PDF; prints where the signature box and the electronic-copy box go. Templates: ${DOCUMENT_TEMPLATES.map((t) => `${t.id} (${t.vi})`).join(', ')}; bad input: one line per problem, exit 1`)
    .option('--in <spec.json>', 'the document spec (- for standard input)')
    .option('--template <id>', 'a built-in template instead of --in')
    .requiredOption('--out <file.pdf>', 'where to write the PDF')
    .option('--json', 'print the pages and the boxes as JSON')
    .action(async (o: { in?: string; template?: string; out: string; json?: boolean }) => {
      const r = await documentRender(o, new Date());
      if (r.out) console.log(r.out);
      if (r.err) process.stderr.write(`${r.err}\n`);
      process.exitCode = r.code;
    });

  program
    .command('dossier')
    .description('Take dossiers through their life on a running server (MOTCUA_URL, MOTCUA_USER, MOTCUA_PASSWORD)')
    .argument('<subcommand>', 'create | show | history | act | queue')
    .argument('[args...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (sub: string, args: string[]) => {
      await runDossierCommand(sub, args);
    });

  return program;
}

try {
  await buildCli().parseAsync(process.argv);
} catch (err) {
  if (err instanceof AppError) {
    process.stderr.write(`error ${err.code}: ${errorMessage(err.code, 'vi', err.params)} / ${errorMessage(err.code, 'en', err.params)}\n`);
  } else if (err instanceof InvalidArgumentError || err instanceof RangeError || err instanceof DatabaseLockedError) {
    process.stderr.write(`error: ${err.message}\n`);
  } else {
    process.stderr.write(`error: ${(err as Error).stack ?? String(err)}\n`);
  }
  process.exit(1);
}
