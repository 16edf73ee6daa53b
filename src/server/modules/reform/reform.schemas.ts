import { z } from 'zod';
import { REPORT_KINDS, REPORT_STATUSES } from '../../../core/reform/index.ts';

const Year = z.coerce.number().int().min(2000).max(2100);
const Text = z.object({ vi: z.string(), en: z.string() });
const AgencyRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const CreateReportBody = z.object({
  agencyId: z.string().uuid(),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(REPORT_KINDS),
  /** Scoring profile of the service index (default: the one in force for the cut-off). */
  profile: z.string().trim().min(1).max(100).optional(),
});

export const VersionBody = z.object({ version: z.number().int().min(1) });

export const EditReportBody = z.object({
  version: z.number().int().min(1),
  sections: z
    .array(z.object({ key: z.string().trim().min(1).max(40), heading: z.string().trim().max(300).optional(), body: z.string().max(50_000) }))
    .min(1)
    .max(20),
});

export const ListQuery = z.object({
  year: Year.optional(),
  kind: z.enum(REPORT_KINDS).optional(),
  /** Only this agency and the agencies under it (must be in the caller's scope). */
  agencyId: z.string().uuid().optional(),
});

export const OverviewQuery = z.object({
  year: Year,
  kind: z.enum(REPORT_KINDS),
  /** The parent agency (default: the caller's first agency). */
  agencyId: z.string().uuid().optional(),
});

export const IdParams = z.object({ id: z.string().uuid() });

const Rate = z.object({ numerator: z.number(), denominator: z.number(), rate: z.number().nullable() });

export const FiguresOut = z.object({
  cutoff: z.object({ from: z.string(), to: z.string() }),
  computedAt: z.string(),
  judgedOn: z.string(),
  agency: AgencyRef,
  profile: z.object({ id: z.string(), name: Text }),
  dossiers: z.object({
    received: z.number(),
    finished: z.number(),
    finishedOnTime: z.number(),
    finishedLate: z.number(),
    openAtEnd: z.number(),
    openLate: z.number(),
    late: z.number(),
    onTime: Rate,
    online: Rate.nullable(),
    onlinePayment: Rate.nullable(),
    digitisation: Rate.nullable(),
    averageProcessingDays: z.number().nullable(),
  }),
  feedback: z.object({ received: z.number(), onTime: z.number(), satisfied: z.number() }),
  index: z.object({
    total: z.number(),
    scaled: z.number(),
    applicableMax: z.number(),
    band: z.object({ code: z.string(), label: Text }),
    groups: z.array(z.object({ code: z.string(), name: Text, score: z.number(), max: z.number(), applicableMax: z.number() })),
  }),
  /** From the reform modules (PAR round, inspections, remediation) at computation time; absent in older snapshots. */
  reform: z
    .object({
      year: z.number(),
      par: z.object({ roundTitle: z.string(), roundStatus: z.string(), unitStatus: z.string(), selfDeadline: z.string(), index: z.string().nullable(), rank: z.number().nullable(), of: z.number().nullable() }).nullable(),
      inspections: z.object({ done: z.number(), planned: z.number(), inProgress: z.number(), findings: z.number(), lastVisitOn: z.string().nullable() }),
      remediation: z.object({ total: z.number(), open: z.number(), reported: z.number(), accepted: z.number(), returned: z.number(), overdue: z.number() }),
      documents: Rate.nullable(),
    })
    .nullable()
    .optional(),
});

const Standing = z.enum(['submitted_on_time', 'submitted_late', 'draft', 'not_started']);

export const ReportSummaryOut = z.object({
  id: z.string(),
  agency: AgencyRef,
  year: z.number(),
  kind: z.enum(REPORT_KINDS),
  kindLabel: Text,
  title: z.string(),
  status: z.enum(REPORT_STATUSES),
  version: z.number(),
  standing: Standing,
  standingLabel: Text,
  /** Submitted after the deadline, or not submitted and the deadline day is over. */
  late: z.boolean(),
  daysLate: z.number(),
  cutoff: z.object({ from: z.string(), to: z.string() }),
  deadline: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
});

export const ReportOut = ReportSummaryOut.extend({
  legalBasis: z.string(),
  figures: FiguresOut,
  sections: z.array(z.object({ key: z.string(), heading: z.string(), body: z.string() })),
  createdBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  /** What the caller may do now. */
  can: z.object({ edit: z.boolean(), refresh: z.boolean(), submit: z.boolean(), withdraw: z.boolean() }),
});

export const OverviewOut = z.object({
  parent: AgencyRef,
  year: z.number(),
  kind: z.enum(REPORT_KINDS),
  kindLabel: Text,
  cutoff: z.object({ from: z.string(), to: z.string() }),
  deadline: z.string(),
  /** The instant from which a missing report is late (00:00 the day after the deadline, Vietnam time). */
  lateFrom: z.string(),
  legalBasis: z.string(),
  asOf: z.string(),
  rows: z.array(
    z.object({
      agency: AgencyRef,
      report: z.object({ id: z.string(), status: z.enum(REPORT_STATUSES), version: z.number(), submittedAt: z.string().nullable(), updatedAt: z.string() }).nullable(),
      standing: Standing,
      standingLabel: Text,
      late: z.boolean(),
      daysLate: z.number(),
    }),
  ),
  summary: z.object({ units: z.number(), submittedOnTime: z.number(), submittedLate: z.number(), draft: z.number(), notStarted: z.number(), late: z.number() }),
});
