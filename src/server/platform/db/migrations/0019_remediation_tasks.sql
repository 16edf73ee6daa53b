CREATE TABLE "remediation_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"history_id" integer NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "remediation_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"body" text,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "remediation_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"content" text NOT NULL,
	"deadline" text NOT NULL,
	"deadline_rule_id" text,
	"notice_date" text NOT NULL,
	"status" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_ref" text NOT NULL,
	"source_item" text NOT NULL,
	"leader_user_id" uuid,
	"ever_reported" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "remediation_evidence_task_idx" ON "remediation_evidence" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "remediation_history_task_idx" ON "remediation_history" USING btree ("task_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "remediation_tasks_source_uq" ON "remediation_tasks" USING btree ("source_kind","source_ref","source_item","owner_agency_id");--> statement-breakpoint
CREATE INDEX "remediation_tasks_owner_idx" ON "remediation_tasks" USING btree ("owner_agency_id","deadline","id");--> statement-breakpoint
CREATE INDEX "remediation_tasks_list_idx" ON "remediation_tasks" USING btree ("deadline","id");