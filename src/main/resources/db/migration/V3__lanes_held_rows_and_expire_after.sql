-- Issue 11. Rows an open breaker postponed are marked held, so that a successful probe can make exactly
-- those due at once (a plain retry scheduled for later keeps its time). A held row is pending and unleased;
-- claiming it clears the mark. The partial index holds only held rows, so it costs the hot path nothing.
ALTER TABLE deliveries ADD COLUMN held boolean NOT NULL DEFAULT false;
CREATE INDEX deliveries_held ON deliveries (subscription_id) WHERE held;

-- expire_after (SPEC §3): a delivery whose event is older than this is failed as expired instead of retried.
-- Whole seconds, 1 s to 7 d; NULL retries for the whole schedule.
ALTER TABLE subscriptions ADD COLUMN expire_after_seconds integer
    CHECK (expire_after_seconds BETWEEN 1 AND 604800);
