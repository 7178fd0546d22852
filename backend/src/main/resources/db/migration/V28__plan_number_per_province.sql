-- A plan number is the province's own (#29): two provinces may both issue a "11/KH-BCH". The code
-- made from the number is unique per owner, not across the system; the API finds a plan by its
-- code within the caller's scope, or by "code@owner" where a scope holds two.
ALTER TABLE plan DROP CONSTRAINT plan_code_key;
ALTER TABLE plan ADD CONSTRAINT plan_owner_code_uq UNIQUE (owner_unit_code, code);
CREATE INDEX plan_code_idx ON plan (code);
