-- "Không giao" and "not required" targets are few; progress counts them for every year of the
-- term per read (the units due for an activity). A partial index keeps that read to those rows.
CREATE INDEX target_not_required_idx ON target (plan_item_id, year) WHERE NOT required;
