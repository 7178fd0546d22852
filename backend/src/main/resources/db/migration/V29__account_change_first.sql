-- An account change is written before Keycloak is asked to make it (#29): 'pending' until Keycloak
-- has made it, then 'done'; a change Keycloak refused is deleted. A row left pending (the database
-- went away after Keycloak answered) is settled by comparing it with Keycloak (AccountLog). A new
-- account's id is known only once Keycloak made it, so a pending create may have none yet.
ALTER TABLE account_change ADD COLUMN state varchar(8) NOT NULL DEFAULT 'done'
    CHECK (state IN ('pending', 'done'));
ALTER TABLE account_change ALTER COLUMN account_id DROP NOT NULL;
CREATE INDEX account_change_pending_idx ON account_change (changed_at) WHERE state = 'pending';
