CREATE TABLE "par_survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"respondent_id" uuid NOT NULL,
	"node_code" text NOT NULL,
	"letter" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_survey_respondents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"respondent_group" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "par_survey_answers_uq" ON "par_survey_answers" USING btree ("respondent_id","node_code");--> statement-breakpoint
CREATE UNIQUE INDEX "par_survey_respondents_token_uq" ON "par_survey_respondents" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "par_survey_respondents_round_idx" ON "par_survey_respondents" USING btree ("round_id","agency_id");--> statement-breakpoint
-- A respondent's answers are never changed: the points they give derive from them (motcua_refuse_change: 0001).
CREATE TRIGGER par_survey_answers_append_only BEFORE UPDATE OR DELETE ON par_survey_answers
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER par_survey_answers_no_truncate BEFORE TRUNCATE ON par_survey_answers
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
