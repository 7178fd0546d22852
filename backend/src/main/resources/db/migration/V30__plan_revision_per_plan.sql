-- A change to one plan's items bumps that plan's revision only (#29): V9 bumped every plan, so with
-- a plan per province one province's import wrote every other province's plan row (and made every
-- instance rebuild every plan's read model). Statement-level still, through transition tables:
-- one UPDATE per statement, of the plans the statement touched. The departments are one list
-- shared by every plan, so a change to it still bumps them all.
DROP TRIGGER plan_item_revision ON plan_item;
DROP TRIGGER plan_item_level_revision ON plan_item_level;
DROP TRIGGER plan_item_department_revision ON plan_item_department;

CREATE FUNCTION bump_revision_of_changed_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE plan SET content_revision = content_revision + 1
  WHERE id IN (SELECT DISTINCT c.plan_id FROM changed c);
  RETURN NULL;
END $$;

-- the rows of plan_item_level and plan_item_department name their item; an item deleted in the
-- same statement bumped its plan through its own trigger
CREATE FUNCTION bump_revision_of_changed_item_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE plan SET content_revision = content_revision + 1
  WHERE id IN (SELECT DISTINCT i.plan_id FROM changed c JOIN plan_item i ON i.id = c.item_id);
  RETURN NULL;
END $$;

CREATE TRIGGER plan_item_revision_insert AFTER INSERT ON plan_item
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION bump_revision_of_changed_items();
CREATE TRIGGER plan_item_revision_update AFTER UPDATE ON plan_item
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION bump_revision_of_changed_items();
CREATE TRIGGER plan_item_revision_delete AFTER DELETE ON plan_item
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION bump_revision_of_changed_items();

CREATE TRIGGER plan_item_level_revision_insert AFTER INSERT ON plan_item_level
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION bump_revision_of_changed_item_rows();
CREATE TRIGGER plan_item_level_revision_update AFTER UPDATE ON plan_item_level
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION bump_revision_of_changed_item_rows();
CREATE TRIGGER plan_item_level_revision_delete AFTER DELETE ON plan_item_level
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION bump_revision_of_changed_item_rows();

CREATE TRIGGER plan_item_department_revision_insert AFTER INSERT ON plan_item_department
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION bump_revision_of_changed_item_rows();
CREATE TRIGGER plan_item_department_revision_update AFTER UPDATE ON plan_item_department
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION bump_revision_of_changed_item_rows();
CREATE TRIGGER plan_item_department_revision_delete AFTER DELETE ON plan_item_department
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION bump_revision_of_changed_item_rows();
