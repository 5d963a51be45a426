-- The rebuilds of read models under way (query/ReadModelRebuilds): one row per read model being rebuilt,
-- so that a read model is rebuilt by one rebuild at a time whichever instance is asked, with the schema
-- its new tables are built in, the instance building them, and how far it has read the journal. The
-- switch to the new tables deletes the rows in its transaction.
create table read_model_rebuild (
    read_model   text        primary key,
    schema_name  text        not null,
    owner        text        not null,
    position     bigint      not null default 0,
    started_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
