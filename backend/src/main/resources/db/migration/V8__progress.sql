-- How an item is judged over the whole term (tổng kết nhiệm kỳ): the sum of the years ("mỗi năm
-- tăng 1.000 hội viên"), the last year ("đến cuối nhiệm kỳ 100%…"), or each year met ("hàng năm
-- mỗi cơ sở…"). Proposed by the importer from the wording; the province planner may change it.
ALTER TABLE plan_item ADD COLUMN term_rule varchar(8) CHECK (term_rule IN ('sum', 'last', 'each'));
ALTER TABLE plan_item ADD COLUMN term_rule_guessed boolean NOT NULL DEFAULT true;

-- A unit's own figure for an item and a year, resolved from its reports by the nesting rule
-- (docs/adr/0005): from approved reports, and apart from it from reports submitted but not yet
-- approved. Kept in step with every transition, in the same transaction.
CREATE TABLE unit_year_value (
    unit_code        varchar(16)    NOT NULL,
    plan_item_id     bigint         NOT NULL REFERENCES plan_item (id),
    year             smallint       NOT NULL,
    approved_number  numeric(16, 3),
    approved_status  varchar(16),
    approved_sources varchar(80),
    pending_number   numeric(16, 3),
    pending_status   varchar(16),
    pending_sources  varchar(80),
    PRIMARY KEY (unit_code, plan_item_id, year)
);

-- The subtree of a unit (the unit itself included) for an item and a year, added up from the
-- unit_year_value rows below it: a dashboard reads one row per unit and item, whatever lies below.
-- Counts and percentages: the sum and how many units it holds (a percentage is shown as their
-- mean, never as a sum); activities: how many units did it, are doing it, did not, not applicable.
CREATE TABLE rollup_value (
    unit_code            varchar(16)    NOT NULL,
    plan_item_id         bigint         NOT NULL REFERENCES plan_item (id),
    year                 smallint       NOT NULL,
    approved_sum         numeric(18, 3) NOT NULL DEFAULT 0,
    approved_units       integer        NOT NULL DEFAULT 0,
    approved_done        integer        NOT NULL DEFAULT 0,
    approved_in_progress integer        NOT NULL DEFAULT 0,
    approved_not_done    integer        NOT NULL DEFAULT 0,
    approved_na          integer        NOT NULL DEFAULT 0,
    pending_sum          numeric(18, 3) NOT NULL DEFAULT 0,
    pending_units        integer        NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, year, plan_item_id)
);
