-- The deliveries table is a queue: every delivery is inserted pending and updated at least once, so
-- the claim's partial index fills with dead entries that each claim must step over until vacuum
-- removes them. Vacuum it after 1 % of its rows changed instead of PostgreSQL's default 20 %, and
-- without cost-based sleeping, so the claim keeps scanning a small index.
ALTER TABLE deliveries SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_insert_scale_factor = 0.05,
    autovacuum_analyze_scale_factor = 0.02,
    autovacuum_vacuum_cost_delay = 0
);
ALTER TABLE attempts SET (
    autovacuum_vacuum_insert_scale_factor = 0.05,
    autovacuum_analyze_scale_factor = 0.02
);
