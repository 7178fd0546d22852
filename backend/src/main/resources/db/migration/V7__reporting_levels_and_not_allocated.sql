-- Which levels report an item: the importer proposes it from the item's wording ("cấp tỉnh đăng
-- tải…", "mỗi đơn vị cấp huyện…"), the province planner confirms or corrects it. Null: the levels
-- of the "Cấp thực hiện" column.
ALTER TABLE plan_item ADD COLUMN reporting_levels varchar(8);
ALTER TABLE plan_item ADD COLUMN reporting_levels_guessed boolean NOT NULL DEFAULT true;

-- target.required = false on a count or a percentage now means "không giao": the level above
-- gives this unit nothing for the item, and the item does not apply to it (it was only used for
-- activities, where it means "not required").
COMMENT ON COLUMN target.required IS
  'Activities: must carry it out. Counts and percentages: false = not allocated to this unit (không giao)';
