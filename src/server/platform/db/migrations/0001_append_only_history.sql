-- The dossier history (process-control slip) and the audit log are append-only: figures are derived
-- from them, so no UPDATE or DELETE may ever change a recorded time or outcome. A correction is a new entry.
CREATE OR REPLACE FUNCTION motcua_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'APPEND_ONLY: % is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER dossier_history_append_only BEFORE UPDATE OR DELETE ON dossier_history
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dossier_history_no_truncate BEFORE TRUNCATE ON dossier_history
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payments_append_only BEFORE UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
