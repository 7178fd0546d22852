-- The written reports of a locked term read as archived too (#24, docs/adr/0016): the same guard
-- as V26 on the summary reports (tổng kết) of the plan.
CREATE TRIGGER summary_report_locked_insert AFTER INSERT ON summary_report
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_locked_plan('SELECT c.plan_id FROM changed c');
CREATE TRIGGER summary_report_locked_update AFTER UPDATE ON summary_report
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_locked_plan('SELECT c.plan_id FROM changed c');
CREATE TRIGGER summary_report_locked_delete AFTER DELETE ON summary_report
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_locked_plan('SELECT c.plan_id FROM changed c');
