-- The revision of a plan's content: bumped by the database itself on any change to the plan's
-- items, their yearly levels or their departments, whichever code path makes it. Readers keep a
-- read model of a plan's items (PlanOutlines) and rebuild it when the revision they read differs,
-- so the model is never stale, on one instance or several.
ALTER TABLE plan ADD COLUMN content_revision bigint NOT NULL DEFAULT 0;

COMMENT ON COLUMN plan.content_revision IS
  'Bumped by trigger on any change to plan_item, plan_item_level, plan_item_department or department';

-- Statement-level: one bump per statement, not per row (an import writes thousands of rows).
-- There are a handful of plans; every plan is bumped, which keeps the trigger free of row data.
CREATE FUNCTION bump_plan_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE plan SET content_revision = content_revision + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER plan_item_revision AFTER INSERT OR UPDATE OR DELETE ON plan_item
  FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_revision();
CREATE TRIGGER plan_item_level_revision AFTER INSERT OR UPDATE OR DELETE ON plan_item_level
  FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_revision();
CREATE TRIGGER plan_item_department_revision AFTER INSERT OR UPDATE OR DELETE ON plan_item_department
  FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_revision();
CREATE TRIGGER department_revision AFTER INSERT OR UPDATE OR DELETE ON department
  FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_revision();
