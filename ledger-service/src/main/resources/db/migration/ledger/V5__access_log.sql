-- Who saw what: reads by auditors and analysts (issue 5). Append-only, like the journal.
create table access_log (
    id              bigint generated always as identity primary key,
    at              timestamptz not null,
    principal       text        not null,
    client_id       text        not null,
    roles           text        not null,
    method          text        not null,
    path            text        not null,
    query           text,
    format          text,
    status          int         not null,
    correlation_id  text
);
create index access_log_by_principal on access_log (principal, id);
