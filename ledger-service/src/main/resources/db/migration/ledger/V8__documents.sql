-- The documents the ledger made and sent (issue 22): the exact bytes of each, keyed by their SHA-256,
-- stored in the transaction of the command that records the sending, so a letter on record always has
-- its bytes and bytes are never kept for a letter that was refused. Never updated: the same bytes sent
-- again are the same row.
create table document (
    sha256            bytea       primary key,
    media_type        text        not null,
    template_version  text        not null,
    customer_id       text        not null,
    letter_id         text        not null,
    as_of             date        not null,
    known_at          timestamptz not null,
    language          text        not null,
    content           bytea       not null,
    stored_at         timestamptz not null
);
create index document_by_letter on document (customer_id, letter_id);
