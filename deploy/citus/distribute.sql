-- Shard the Platform API's schema on Citus by tenant: every tenant table is distributed
-- on `tenant_id` and colocated with every other (a tenant's rows of all tables live on
-- the same node, so each request's joins and transactions stay on one node), and the
-- small shared tables become reference tables (a copy on every node).
--
-- ON PAPER: no Citus server was available where this was written, so this script has
-- NOT been run. tests/test_deploy.py checks it against the migrated schema (every table
-- placed exactly once, tenant tables distributed on tenant_id, foreign keys in an order
-- Citus accepts, every unique key containing tenant_id). Read deploy/citus/README.md
-- first: the application needs changes before it can run on the result.
--
-- Run on the coordinator, as a superuser, on the database `platform-api migrate` made
-- (the same schema on an empty database, then load the data, is the quicker path):
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f deploy/citus/distribute.sql

CREATE EXTENSION IF NOT EXISTS citus;

-- Shards per distributed table: enough to spread over far more workers than you start
-- with (they move with citus_rebalance_start(), never split by tenant).
SET citus.shard_count = 64;

-- ---------------------------------------------------------------- schema changes first
-- The trigger `matches_mentor_load` (keeps mentors.active_mentees) writes the mentor's
-- row, which may be on another node. Citus refuses triggers on distributed tables unless
-- citus.enable_unsafe_triggers is on, and then only for writes to colocated shards of the
-- same tenant: this one is not. It must move into the application before this runs
-- (README.md, blocker 2); until then this script stops here, having changed nothing.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_trigger WHERE tgname = 'matches_mentor_load') THEN
        RAISE EXCEPTION 'matches_mentor_load still exists: see deploy/citus/README.md';
    END IF;
END
$$;

-- Citus only accepts foreign keys between distributed tables that include the
-- distribution column on both sides in the same position. One key does not: a match
-- (sharded by the entrepreneur's tenant) points at a mentor of ANOTHER tenant. It goes;
-- the API checks the mentor when it proposes a match (matching/service.py), but nothing
-- in the database enforces it any more.
ALTER TABLE matches DROP CONSTRAINT fk_matches_mentor_tenant_id_mentor_id_mentors;

-- ---------------------------------------------------------------- reference tables
-- Shared by every tenant, small, read on every request's path (tokens, grants).
SELECT create_reference_table('tenants');
SELECT create_reference_table('funders');
-- tenant_id here is the tenant the client or grant is FOR; the rows are looked up by
-- their own id (token issue) or by funder across tenants (reports), never per tenant.
SELECT create_reference_table('api_clients');
SELECT create_reference_table('funder_grants');

-- ---------------------------------------------------------------- distributed tables
-- Parents before children: a foreign key must point at a table already distributed.
SELECT create_distributed_table('entrepreneurs', 'tenant_id', colocate_with => 'none');
SELECT create_distributed_table('api_usage', 'tenant_id', colocate_with => 'entrepreneurs');
-- audit_events keeps its append-only trigger (it only refuses UPDATE, DELETE and TRUNCATE,
-- writing nothing): Citus needs citus.enable_unsafe_triggers on to keep it.
SELECT create_distributed_table('audit_events', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('cohort_assignments', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('idempotency_keys', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('lenders', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('lending_circles', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('lending_circle_members', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('lending_circle_contributions', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('lending_circle_payouts', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('lending_circle_rounds', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('loan_groups', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('loan_group_members', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('loan_group_repayments', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('loan_products', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('endorsement_rules', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('group_loan_applications', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('loan_applications', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('group_loan_application_members', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('loan_application_transitions', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('loan_funding_commitments', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('loans', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('loan_installments', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('loan_repayments', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('loan_postings', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('mentors', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('mentor_search_keys', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('matches', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('matching_settings', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('mentoring_sessions', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('outbox_events', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('outcome_surveys', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('trustees', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('loan_endorsements', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('webhook_endpoints', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('webhook_deliveries', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('webhook_tenants', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('report_loan_stamps', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('report_borrower_stamps', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('report_loan_events', 'tenant_id', colocate_with => 'entrepreneurs');
SELECT create_distributed_table('report_portfolio_months', 'tenant_id', colocate_with => 'entrepreneurs');

-- Claiming an Idempotency-Key runs next to the tenant's rows: the call goes to the node
-- holding p_tenant's shard in one round trip (its advisory lock is then that node's,
-- which is enough: a tenant's keys never live anywhere else).
SELECT create_distributed_function(
    'claim_idempotency_key(uuid, uuid, text, integer)', 'p_tenant',
    colocate_with => 'idempotency_keys'
);

-- Rate-limit buckets belong to a client, a tenant or a client id asking for tokens, and
-- are keyed by that text: sharded on it, so a take is one row on one node, and the
-- take runs there (it reads only that row and the reference table `tenants`). The table
-- is unlogged (migration 0016), which Citus distributes, but its non-blocking shard
-- moves cannot copy (logical replication skips unlogged tables): it is colocated with
-- nothing so a rebalance of the tenant tables never has to move it with them.
SELECT create_distributed_table('rate_limit_buckets', 'key', colocate_with => 'none');
SELECT create_distributed_function(
    'rate_limit_take(text, uuid, text, integer, integer, integer)', 'p_key',
    colocate_with => 'rate_limit_buckets'
);

-- alembic_version stays a plain table on the coordinator: migrations run there.
