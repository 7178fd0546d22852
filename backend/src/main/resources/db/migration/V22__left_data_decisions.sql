-- A decision to keep on a closed unit what a change of the map left on it for periods after it
-- closed (a split or dissolved unit's reports or targets): taken by an admin of the province, with
-- the reason; moving such data is kept in the data's own history instead (docs/adr/0011).
CREATE TABLE left_data_decision (
    id          BIGSERIAL PRIMARY KEY,
    unit_code   VARCHAR(20)  NOT NULL,
    kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('reports', 'targets')),
    from_day    DATE         NOT NULL,
    decided_by  VARCHAR(255) NOT NULL,
    decided_at  TIMESTAMPTZ  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    UNIQUE (unit_code, kind, from_day)
);
