-- The PAR history is append-only: a correction is a new entry (motcua_refuse_change is defined in 0001).
CREATE TRIGGER par_history_append_only BEFORE UPDATE OR DELETE ON par_history
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER par_history_no_truncate BEFORE TRUNCATE ON par_history
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
