-- One row per command that was recorded, written in the same transaction as its events, so a
-- success answer and this row exist together or not at all. A retry with the same (client_id,
-- command_id) within the retention window is answered from here and writes nothing.
create table command_log (
    client_id      varchar(128) not null,
    command_id     varchar(128) not null,
    fingerprint    char(64)     not null,  -- SHA-256 of the command type and its canonical JSON
    command_type   varchar(255) not null,
    customer_id    varchar(255) not null,
    version        bigint,
    position       bigint,
    recorded_at    timestamptz  not null,
    primary key (client_id, command_id)
);

create index command_log_recorded_at on command_log (recorded_at);
