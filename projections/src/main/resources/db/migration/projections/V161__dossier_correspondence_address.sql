-- Read model "customer-dossier": every correspondence address recorded for a customer, with its
-- business date and recording time; the one in force as of a date, as known at a time, is the
-- latest dated on or before the date among those recorded by the time.
create table dossier_address (
    customer_id      text        not null,
    sequence_number  bigint      not null,
    occurred_on      date        not null,
    recorded_at      timestamptz not null,
    postal_address   text        not null,
    postcode         text,
    contact_person   text        not null,
    contact_phone    text,
    primary key (customer_id, sequence_number)
);
