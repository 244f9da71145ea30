-- One outbox for everything Hookgate publishes besides deliveries: dead letters (webhook.deliveries.dlq) and
-- operational events (hookgate.operations). A row is written in the transaction of the state change it reports,
-- by the triggers below, so no code path can forget it and a broker outage or a crash can only delay it. The relay
-- (OutboxRelay) claims due rows, publishes each one, and deletes each row whose own send the broker acknowledged.
CREATE TABLE outbox (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text        NOT NULL CHECK (kind IN ('dead_letter', 'operation')),
    -- the record key of both topics
    subscription_id  uuid        NOT NULL,
    tenant_id        uuid        NOT NULL,
    -- dead letters are rendered from the delivery when sent; no foreign key, so deleting a subscription (and its
    -- deliveries) never waits on this table, and the relay drops a row whose delivery is gone
    delivery_id      uuid,
    -- operational events: type and detail; created_at is their "at"
    operation        text,
    detail           text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    -- due time; while a relay holds the row it is that relay's lease
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    -- every failed send (for the backoff), and those the broker refused for the record itself (for parking)
    attempts         int         NOT NULL DEFAULT 0,
    record_failures  int         NOT NULL DEFAULT 0,
    last_error       text,
    -- a row that can never be published stops here, with last_error as the reason, until an operator requeues it
    parked_at        timestamptz,
    CHECK ((kind = 'dead_letter') = (delivery_id IS NOT NULL)),
    CHECK ((kind = 'operation') = (operation IS NOT NULL))
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE parked_at IS NULL;
-- retention keeps a failed delivery while its dead letter is not yet published
CREATE INDEX outbox_delivery ON outbox (delivery_id) WHERE delivery_id IS NOT NULL;

-- A delivery that becomes failed, by whatever path: its dead letter and, unless it failed because its subscription
-- is disabled or gone (those are reported as subscription.disabled), delivery.exhausted.
CREATE FUNCTION hookgate_delivery_failed() RETURNS trigger AS $$
BEGIN
    INSERT INTO outbox (kind, subscription_id, tenant_id, delivery_id)
    VALUES ('dead_letter', NEW.subscription_id, NEW.tenant_id, NEW.id);
    IF NEW.last_error IS DISTINCT FROM 'subscription_disabled' AND NEW.last_status_code IS DISTINCT FROM 410 THEN
        INSERT INTO outbox (kind, subscription_id, tenant_id, operation, detail)
        VALUES ('operation', NEW.subscription_id, NEW.tenant_id, 'delivery.exhausted',
                format('delivery %s failed after %s attempts: %s', NEW.id, NEW.attempts, NEW.last_error));
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER deliveries_failed
    AFTER UPDATE OF status ON deliveries
    FOR EACH ROW WHEN (NEW.status = 'failed' AND OLD.status IS DISTINCT FROM 'failed')
    EXECUTE FUNCTION hookgate_delivery_failed();

-- Subscription changes that SPEC section 7 reports. Every path that creates a subscription, changes its URL or
-- re-activates it runs the challenge handshake first, so such a row change means "verified".
CREATE FUNCTION hookgate_subscription_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.url IS DISTINCT FROM OLD.url
            OR (OLD.status = 'disabled' AND NEW.status = 'active') THEN
        INSERT INTO outbox (kind, subscription_id, tenant_id, operation, detail)
        VALUES ('operation', NEW.id, NEW.tenant_id, 'subscription.verified', 'challenge passed');
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'active' AND NEW.status = 'disabled' THEN
        INSERT INTO outbox (kind, subscription_id, tenant_id, operation, detail)
        VALUES ('operation', NEW.id, NEW.tenant_id, 'subscription.disabled', NEW.disabled_reason);
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'active' AND NEW.status = 'active'
            AND OLD.failing_since IS NOT NULL AND NEW.failing_since IS NULL THEN
        INSERT INTO outbox (kind, subscription_id, tenant_id, operation, detail)
        VALUES ('operation', NEW.id, NEW.tenant_id, 'delivery.recovered', 'success after failures');
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER subscriptions_reported
    AFTER INSERT OR UPDATE OF url, status, failing_since ON subscriptions
    FOR EACH ROW EXECUTE FUNCTION hookgate_subscription_changed();

-- What the V1 outbox (deliveries.dlq_published_at) had not published yet moves over.
INSERT INTO outbox (kind, subscription_id, tenant_id, delivery_id, created_at)
SELECT 'dead_letter', subscription_id, tenant_id, id, coalesce(last_attempt_at, now())
  FROM deliveries WHERE status = 'failed' AND dlq_published_at IS NULL;
DROP INDEX deliveries_dlq_outbox;
COMMENT ON COLUMN deliveries.dlq_published_at IS
    'unused since V4 (table outbox); kept while replicas of the previous version may still write it';
