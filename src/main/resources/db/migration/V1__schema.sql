-- Hookgate schema: tenants and keys, subscriptions with encrypted secrets,
-- events stored once as exact bytes, one delivery row per (event, subscription),
-- and an attempt log. The deliveries table doubles as the dispatcher's queue.

CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    -- '{*}' means every channel
    channels    text[]      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    -- public, random key id; the secret part is stored only as SHA-256
    id           text PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    secret_hash  bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id);

CREATE TABLE subscriptions (
    id                         uuid PRIMARY KEY,
    tenant_id                  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    url                        text        NOT NULL,
    event_types                text[]      NOT NULL,
    -- NULL means every channel the tenant is allowed
    channels                   text[],
    format                     text        NOT NULL CHECK (format IN ('standard', 'eventyay')),
    description                text,
    status                     text        NOT NULL CHECK (status IN ('active', 'disabled')),
    disabled_reason            text,
    -- AES-256-GCM; the AAD binds each ciphertext to this row and slot
    secret_key_version         int         NOT NULL,
    secret_ciphertext          bytea       NOT NULL,
    previous_key_version       int,
    previous_ciphertext        bytea,
    previous_expires_at        timestamptz,
    -- start of the current run of failures; NULL while healthy (auto-disable clock)
    failing_since              timestamptz,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subscriptions_tenant_page ON subscriptions (tenant_id, created_at, id);
CREATE INDEX subscriptions_page ON subscriptions (created_at, id);

CREATE TABLE events (
    -- deterministic from (channel, message_id); no '.' and at most 64 characters
    id           text PRIMARY KEY,
    event_type   text        NOT NULL,
    channel      text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    -- the event's timestamp exactly as the producer wrote it (the standard body repeats it)
    occurred_at_text text     NOT NULL,
    -- the chat event exactly as received; text, not jsonb, because signatures are over bytes
    payload      text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE deliveries (
    id                uuid PRIMARY KEY,
    event_id          text        NOT NULL REFERENCES events (id),
    subscription_id   uuid        NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    tenant_id         uuid        NOT NULL,
    event_type        text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    -- attempts over the delivery's life, and within the current cycle (redeliver starts a new one)
    attempts          int         NOT NULL DEFAULT 0,
    cycle_attempts    int         NOT NULL DEFAULT 0,
    -- when due; while claimed it is the lease expiry, so a crashed replica's rows come back
    next_attempt_at   timestamptz NOT NULL,
    lease_owner       text,
    last_status_code  int,
    last_error        text,
    -- Kafka record timestamp, for the end-to-end latency metric
    source_at         timestamptz NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    first_attempt_at  timestamptz,
    last_attempt_at   timestamptz,
    delivered_at      timestamptz,
    -- outbox flag: a failed delivery stays listed here until webhook.deliveries.dlq acknowledged it
    dlq_published_at  timestamptz,
    CONSTRAINT deliveries_fanout_once UNIQUE (event_id, subscription_id)
);
-- the dispatcher's claim query
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
-- the delivery log and recovery
CREATE INDEX deliveries_by_subscription ON deliveries (subscription_id, created_at DESC, id DESC);
CREATE INDEX deliveries_failed ON deliveries (subscription_id, last_attempt_at) WHERE status = 'failed';
CREATE INDEX deliveries_dlq_outbox ON deliveries (last_attempt_at) WHERE status = 'failed' AND dlq_published_at IS NULL;

CREATE TABLE attempts (
    delivery_id       uuid        NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    n                 int         NOT NULL,
    at                timestamptz NOT NULL,
    status_code       int,
    latency_ms        int         NOT NULL,
    error             text,
    response_excerpt  text,
    PRIMARY KEY (delivery_id, n)
);

-- Every replica keeps an in-memory subscriber index. A transactional version counter, bumped by
-- triggers (no write path can forget it), tells a replica before each Kafka batch whether its index
-- is stale; unlike LISTEN/NOTIFY it cannot race with a subscription committed just before an event.
CREATE TABLE index_version (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version    bigint  NOT NULL
);
INSERT INTO index_version (version) VALUES (0);

CREATE FUNCTION hookgate_bump_index_version() RETURNS trigger AS $$
BEGIN
    UPDATE index_version SET version = version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER subscriptions_index_changed
    AFTER INSERT OR DELETE OR UPDATE OF status, event_types, channels, tenant_id ON subscriptions
    FOR EACH STATEMENT EXECUTE FUNCTION hookgate_bump_index_version();
CREATE TRIGGER tenants_index_changed
    AFTER INSERT OR DELETE OR UPDATE OF channels ON tenants
    FOR EACH STATEMENT EXECUTE FUNCTION hookgate_bump_index_version();
