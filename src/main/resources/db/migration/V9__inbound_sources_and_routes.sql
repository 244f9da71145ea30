-- Inbound sources (SPEC section 12): verified webhooks in, onto Kafka.
CREATE TABLE inbound_sources (
    id                    uuid PRIMARY KEY,
    tenant_id             uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    type                  text        NOT NULL
        CHECK (type IN ('github', 'gitlab', 'standard-webhooks', 'hmac', 'eventyay')),
    name                  text        NOT NULL,
    -- NULL means every address may send
    allow_cidrs           text[],
    -- hmac sources only: {header, algorithm, encoding, prefix, delivery_id_header}
    hmac                  jsonb,
    -- eventyay sources only: the channels its events may name
    channels              text[],
    -- AES-256-GCM of the secret text; the AAD binds each ciphertext to this row and slot
    secret_key_version    int         NOT NULL,
    secret_ciphertext     bytea       NOT NULL,
    previous_key_version  int,
    previous_ciphertext   bytea,
    previous_expires_at   timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbound_sources_tenant ON inbound_sources (tenant_id, created_at, id);

-- err-repohook's routes: events of a repository go to a channel
CREATE TABLE inbound_routes (
    id          uuid PRIMARY KEY,
    source_id   uuid        NOT NULL REFERENCES inbound_sources (id) ON DELETE CASCADE,
    repository  text        NOT NULL,
    channel     text        NOT NULL,
    -- NULL means the tenant's route defaults at match time
    events      text[],
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbound_routes_source ON inbound_routes (source_id, created_at, id);

-- a tenant without a row uses the built-in defaults
CREATE TABLE inbound_route_defaults (
    tenant_id   uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    events      text[]      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
