-- A busy lane tops up its queue with its own subscriptions' due rows (docs/DESIGN.md "Lane top-ups"): an index
-- range per subscription, so one URL's backlog is never walked by the claim that serves the other URLs.
-- CONCURRENTLY, so that upgrading a large installation never blocks intake or dispatch while it is built.
CREATE INDEX CONCURRENTLY IF NOT EXISTS deliveries_pending_by_subscription
    ON deliveries (subscription_id, next_attempt_at) WHERE status = 'pending';
