-- Retention (SPEC 10) finds what it may delete, oldest first, through these indexes, in bounded batches.
-- CONCURRENTLY, so that upgrading a large installation never blocks intake or dispatch while an index is built
-- (Flyway runs a migration made only of such statements outside a transaction).
CREATE INDEX CONCURRENTLY IF NOT EXISTS deliveries_delivered_at ON deliveries (delivered_at) WHERE status = 'delivered';
CREATE INDEX CONCURRENTLY IF NOT EXISTS deliveries_failed_at ON deliveries (last_attempt_at) WHERE status = 'failed';
-- events are insert-only and arrive in time order: a block-range index finds the old ones for almost nothing
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_received_at ON events USING brin (received_at);
