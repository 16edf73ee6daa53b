-- Procedure record versions are append-only: a reviewed correction is a new version; the source text and
-- every earlier version stay as they were (motcua_refuse_change is defined in 0001).
CREATE TRIGGER procedure_versions_append_only BEFORE UPDATE OR DELETE ON procedure_versions
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER procedure_versions_no_truncate BEFORE TRUNCATE ON procedure_versions
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
