-- When a tenant key was last used, so a tenant can tell an idle key from a live one before revoking
-- it. Written in batches off the request path (at most once per hookgate.auth.last-used-interval per
-- key and replica), never per request. NULL: not used since this column exists.
ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz;
