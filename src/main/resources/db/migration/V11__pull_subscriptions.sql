-- Issue 14: pull subscriptions (SPEC 11). A pull subscription has no url; its matches are stored as pull
-- messages that clients read by (subscription, cursor) instead of deliveries that the dispatcher sends.
ALTER TABLE subscriptions ADD COLUMN mode text NOT NULL DEFAULT 'push' CHECK (mode IN ('push', 'pull'));
ALTER TABLE subscriptions ALTER COLUMN url DROP NOT NULL;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_url_per_mode
    CHECK ((mode = 'push' AND url IS NOT NULL) OR (mode = 'pull' AND url IS NULL));
-- retention of pull messages (SPEC 11 defaults); unused by push subscriptions
ALTER TABLE subscriptions ADD COLUMN retention_max_messages bigint NOT NULL DEFAULT 100000
    CHECK (retention_max_messages > 0);
ALTER TABLE subscriptions ADD COLUMN retention_max_bytes bigint NOT NULL DEFAULT 104857600
    CHECK (retention_max_bytes > 0);
-- whole seconds, like expire_after_seconds (an interval column would need a custom Hibernate mapping)
ALTER TABLE subscriptions ADD COLUMN retention_max_age_seconds bigint NOT NULL DEFAULT 604800
    CHECK (retention_max_age_seconds > 0);

-- One row per (pull subscription, matched event). The cursor is (xid, seq): readers only see rows whose writing
-- transaction is older than every transaction still running (xid < snapshot xmin), so no transaction can later
-- commit a row that sorts before a cursor already handed out (docs/DESIGN.md, "Pull messages").
CREATE TABLE pull_messages (
    subscription_id  uuid        NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    xid              xid8        NOT NULL DEFAULT pg_current_xact_id(),
    seq              bigint      GENERATED ALWAYS AS IDENTITY,
    event_id         text        NOT NULL REFERENCES events (id),
    event_type       text        NOT NULL,
    -- body size as the subscription's format renders it, for max_bytes
    bytes            int         NOT NULL,
    stored_at        timestamptz NOT NULL DEFAULT now(),
    -- INCLUDE: the trimmer's count and byte total per subscription are index-only scans
    PRIMARY KEY (subscription_id, xid, seq) INCLUDE (bytes),
    CONSTRAINT pull_messages_once UNIQUE (subscription_id, event_id)
);
-- retention of events (SPEC 10) keeps an event while a pull message refers to it
CREATE INDEX pull_messages_event ON pull_messages (event_id);

-- What retention dropped, per subscription: a cursor before this mark missed messages (refresh: true).
CREATE TABLE pull_trims (
    subscription_id      uuid   PRIMARY KEY REFERENCES subscriptions (id) ON DELETE CASCADE,
    trimmed_through_xid  xid8   NOT NULL,
    trimmed_through_seq  bigint NOT NULL
);

-- Named consumers (SPEC 11): a committed cursor per (subscription, name).
CREATE TABLE pull_consumers (
    subscription_id  uuid        NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    name             text        NOT NULL,
    cursor           text        NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subscription_id, name)
);

-- Wakes long-polls and streams on every replica: one notification per statement, listing the distinct
-- subscriptions it stored messages for, in chunks that keep each payload under 7,000 bytes (NOTIFY's limit is
-- 8,000). Delivered at commit, so a listener that reads after it sees the rows (once xmin passes them).
CREATE FUNCTION hookgate_notify_pull() RETURNS trigger AS $$
DECLARE
    chunk text;
BEGIN
    FOR chunk IN
        SELECT string_agg(id::text, ',')
          FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / 180 AS part
                  FROM (SELECT DISTINCT subscription_id AS id FROM new_rows) d) numbered
         GROUP BY part
    LOOP
        PERFORM pg_notify('hookgate_pull', chunk);
    END LOOP;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER pull_messages_notify
    AFTER INSERT ON pull_messages REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hookgate_notify_pull();

-- the subscriber index carries the mode; a subscription's mode never changes, so no trigger change is needed
