-- A target set from the targets of the units a unit came from after a change of the map (the
-- "predecessors" fill: a commune of 01/07/2025 proposed the sum of its merged communes' targets).
ALTER TABLE target DROP CONSTRAINT target_method_check;
ALTER TABLE target ADD CONSTRAINT target_method_check
    CHECK (method IN ('manual', 'equal', 'each', 'per-commune', 'proportional', 'copy', 'sheet',
                      'default', 'predecessors'));
