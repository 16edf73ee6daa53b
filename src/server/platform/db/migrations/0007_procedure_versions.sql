CREATE TABLE "procedure_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"record" json NOT NULL,
	"review_state" text NOT NULL,
	"origin" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "review_state" text DEFAULT 'not_needed' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_uq" ON "procedure_versions" USING btree ("procedure_id","version");--> statement-breakpoint
CREATE INDEX "procedures_review_idx" ON "procedures" USING btree ("review_state","code");