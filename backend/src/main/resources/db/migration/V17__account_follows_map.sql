-- #22: accounts left on units a change of the map closed are moved to the unit that took over (or
-- disabled, for a dissolved unit) in one step; each such change is kept as 'follow-map'.
ALTER TABLE account_change DROP CONSTRAINT account_change_action_check;
ALTER TABLE account_change ADD CONSTRAINT account_change_action_check CHECK (action IN
    ('create', 'update', 'disable', 'enable', 'reset-password', 'bulk-create', 'follow-map'));
