-- A change set moves a closed unit's reports for periods after the day to its one-to-one successor
-- (docs/adr/0010); each move is kept in the report's history. Figures of a unit from before it
-- was on the system (Bắc Kạn's communes before 01/07/2025) are loaded from a sheet: such a report
-- is marked imported, with who loaded it and when in its history.
ALTER TABLE submission_event DROP CONSTRAINT submission_event_kind_check;
ALTER TABLE submission_event ADD CONSTRAINT submission_event_kind_check
    CHECK (kind IN ('create', 'value', 'submit', 'approve', 'return', 'reopen', 'move', 'import'));
ALTER TABLE submission ADD COLUMN imported boolean NOT NULL DEFAULT false;
