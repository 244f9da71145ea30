-- Replay dedupe of inbound delivery ids (SPEC section 12): shared by every replica and kept across restarts.
-- A row is claimed before producing and marked acked once the broker acknowledged; a failed produce deletes it.
CREATE TABLE inbound_deliveries (
    source_id    uuid        NOT NULL,
    delivery_id  text        NOT NULL,
    record_id    text        NOT NULL,
    acked        boolean     NOT NULL DEFAULT false,
    claimed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_id, delivery_id)
);
-- retention deletes rows older than the dedupe window in batches
CREATE INDEX inbound_deliveries_claimed ON inbound_deliveries (claimed_at);
