import type { AppConfig } from './config/config.ts';
import type { Database, Db } from './db/database.ts';
import { FileStore } from './files/file-store.ts';
import { CalendarService } from '../modules/calendar/calendar.service.ts';
import { AuthService } from '../modules/auth/auth.service.ts';
import { UnitsService } from '../modules/units/units.service.ts';
import { StaffService } from '../modules/staff/staff.service.ts';
import { CatalogService } from '../modules/catalog/catalog.service.ts';
import { DossiersService } from '../modules/dossiers/dossiers.service.ts';
import { NotificationsService } from '../modules/notifications/notifications.service.ts';
import { CitizensService } from '../modules/citizens/citizens.service.ts';
import { PaymentsService } from '../modules/payments/payments.service.ts';
import { FeedbackService } from '../modules/feedback/feedback.service.ts';
import { MonitoringService } from '../modules/monitoring/monitoring.service.ts';
import { ReformService } from '../modules/reform/reform.service.ts';
import { SignaturesService } from '../modules/signatures/signatures.service.ts';
import { RatingsService } from '../modules/ratings/ratings.service.ts';
import { DocumentsService } from '../modules/documents/documents.service.ts';

/** Everything a request handler or CLI command needs; built once per process (or per test). */
export interface AppContext {
  config: AppConfig;
  database: Database;
  db: Db;
  files: FileStore;
  /** The clock. Injected so tests can run dossiers through dated scenarios (e.g. around Tết). */
  now: () => Date;
  services: {
    calendar: CalendarService;
    auth: AuthService;
    units: UnitsService;
    staff: StaffService;
    catalog: CatalogService;
    dossiers: DossiersService;
    notifications: NotificationsService;
    citizens: CitizensService;
    payments: PaymentsService;
    feedback: FeedbackService;
    monitoring: MonitoringService;
    reform: ReformService;
    signatures: SignaturesService;
    ratings: RatingsService;
    documents: DocumentsService;
  };
}

export function createContext(config: AppConfig, database: Database, now: () => Date = () => new Date()): AppContext {
  const ctx = { config, database, db: database.db, files: new FileStore(config.dataDir), now } as AppContext;
  const calendar = new CalendarService(ctx);
  ctx.services = {
    calendar,
    auth: new AuthService(ctx),
    units: new UnitsService(ctx),
    staff: new StaffService(ctx),
    catalog: new CatalogService(ctx),
    dossiers: new DossiersService(ctx),
    notifications: new NotificationsService(ctx),
    citizens: new CitizensService(ctx),
    payments: new PaymentsService(ctx),
    feedback: new FeedbackService(ctx),
    monitoring: new MonitoringService(ctx),
    reform: new ReformService(ctx),
    signatures: new SignaturesService(ctx),
    ratings: new RatingsService(ctx),
    documents: new DocumentsService(ctx),
  };
  return ctx;
}
