-- The national union (Trung ương Hội LHPN Việt Nam) above the provinces: level 0, type central.
-- A province is still a root where it runs alone (no parent), or sits below the national unit.
ALTER TABLE org_unit DROP CONSTRAINT org_unit_type_check;
ALTER TABLE org_unit ADD CONSTRAINT org_unit_type_check CHECK (type IN
    ('central', 'province', 'city', 'town', 'district', 'ward', 'commune', 'township', 'affiliated'));
ALTER TABLE org_unit DROP CONSTRAINT org_unit_level_check;
ALTER TABLE org_unit ADD CONSTRAINT org_unit_level_check CHECK (level BETWEEN 0 AND 4);
ALTER TABLE org_unit DROP CONSTRAINT org_unit_root_ck;
ALTER TABLE org_unit ADD CONSTRAINT org_unit_root_ck CHECK (
    (level = 0 AND parent_code IS NULL) OR level = 1 OR (level > 1 AND parent_code IS NOT NULL));

-- Which state of the data this is, for readers that keep what they read in memory (docs/adr/0008):
-- 'org_unit' changes with the units (every instance keeps the hierarchy), 'progress' with anything
-- a progress read shows (rollups, a unit's own figures, targets, units). A reader reads the row
-- with what it keeps and serves its copy only while the row still says the same. Set by statement
-- triggers in the writing transaction, so that transaction sees its own change at once and the
-- others when it commits; taken from a sequence, so a rolled-back change's number is never given
-- to another state.
CREATE SEQUENCE data_revision_seq;
CREATE TABLE data_revision (
    name     varchar(16) PRIMARY KEY,
    revision bigint      NOT NULL
);
INSERT INTO data_revision (name, revision) VALUES
    ('org_unit', nextval('data_revision_seq')),
    ('progress', nextval('data_revision_seq'));

CREATE FUNCTION bump_data_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV: the revisions this table's changes move on
    UPDATE data_revision SET revision = nextval('data_revision_seq')
    WHERE name = ANY (TG_ARGV);
    RETURN NULL;
END $$;

CREATE TRIGGER org_unit_data_revision
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision('org_unit', 'progress');
CREATE TRIGGER rollup_value_data_revision
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rollup_value
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision('progress');
CREATE TRIGGER unit_year_value_data_revision
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_year_value
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision('progress');
CREATE TRIGGER target_data_revision
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON target
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision('progress');

-- The plan's content revision (V9) from a sequence too: "+ 1" gave a rolled-back change's number
-- to the next change, and a read model built inside the rolled-back transaction could be served
-- for it.
CREATE SEQUENCE plan_content_revision_seq;
CREATE OR REPLACE FUNCTION bump_plan_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE plan SET content_revision = nextval('plan_content_revision_seq');
  RETURN NULL;
END $$;
