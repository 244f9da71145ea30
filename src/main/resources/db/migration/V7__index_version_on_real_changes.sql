-- The subscriber index version must move only when something matching uses changes. The V1 triggers
-- fired for every statement that named a matching column, with unchanged values too (and for
-- deletes of nothing), so a client repeating a no-op PATCH made every replica reload its index on
-- every batch. These triggers look at the rows the statement really changed instead (transition
-- tables), bump at most once per statement, and, being in the database, cover every write path.
-- PostgreSQL allows transition tables only on single-event triggers without a column list, hence
-- one trigger per event, deciding in the function.

-- INSERT and DELETE: any row at all changes the index.
CREATE FUNCTION hookgate_bump_index_version_if_rows() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed_rows) THEN
        UPDATE index_version SET version = version + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- UPDATE of subscriptions: what the subscriber index loads (id and created_at never change).
CREATE FUNCTION hookgate_bump_index_version_if_subscriptions_changed() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT id, status, event_types, channels, tenant_id FROM new_rows
               EXCEPT
               SELECT id, status, event_types, channels, tenant_id FROM old_rows) THEN
        UPDATE index_version SET version = version + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- UPDATE of tenants: only the channel scope matters to matching, not the name.
CREATE FUNCTION hookgate_bump_index_version_if_tenants_changed() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT id, channels FROM new_rows EXCEPT SELECT id, channels FROM old_rows) THEN
        UPDATE index_version SET version = version + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER subscriptions_index_changed ON subscriptions;
DROP TRIGGER tenants_index_changed ON tenants;

CREATE TRIGGER subscriptions_index_inserted
    AFTER INSERT ON subscriptions REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hookgate_bump_index_version_if_rows();
CREATE TRIGGER subscriptions_index_deleted
    AFTER DELETE ON subscriptions REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hookgate_bump_index_version_if_rows();
CREATE TRIGGER subscriptions_index_updated
    AFTER UPDATE ON subscriptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hookgate_bump_index_version_if_subscriptions_changed();

CREATE TRIGGER tenants_index_inserted
    AFTER INSERT ON tenants REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hookgate_bump_index_version_if_rows();
CREATE TRIGGER tenants_index_deleted
    AFTER DELETE ON tenants REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hookgate_bump_index_version_if_rows();
CREATE TRIGGER tenants_index_updated
    AFTER UPDATE ON tenants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hookgate_bump_index_version_if_tenants_changed();
