ALTER TABLE "par_appraisers" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "par_appraisers" ADD COLUMN "removed_by" uuid;--> statement-breakpoint
ALTER TABLE "par_round_units" ADD COLUMN "appraisal_grace_until" text;