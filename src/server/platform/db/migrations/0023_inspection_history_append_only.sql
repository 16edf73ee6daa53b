-- The inspection history is append-only: a correction is a new entry (motcua_refuse_change is defined in 0001).
CREATE TRIGGER inspection_item_history_append_only BEFORE UPDATE OR DELETE ON inspection_item_history
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER inspection_item_history_no_truncate BEFORE TRUNCATE ON inspection_item_history
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
