-- Read model "customer-dossier": what documents name and quote about a customer. The customer as
-- registered, its contracts' clauses, and the collection work (contacts, dunning letters and their
-- delivery, promises and their outcomes), each row with its business date and recording time so
-- that the dossier as of any date, as known at any time, takes the rows that qualify.
create table dossier_customer (
    customer_id          text        primary key,
    name                 text        not null,
    registration_number  text,
    occurred_on          date        not null,
    recorded_at          timestamptz not null
);

create table dossier_contract (
    customer_id           text          not null,
    contract_id           text          not null,
    sequence_number       bigint        not null,
    occurred_on           date          not null,
    recorded_at           timestamptz   not null,
    daily_rate_percent    numeric(9,6),  -- late-payment liability, all three null when the contract states none
    cap_percent           numeric(9,4),
    debtor_bears_costs    boolean,
    forum                 text,          -- dispute clause, both null when there is none
    forum_body            text,
    document_ref          text,
    primary key (customer_id, contract_id)
);

create table dossier_contract_term (
    customer_id  text         not null,
    contract_id  text         not null,
    position     int          not null,
    term_id      text         not null,
    percent      numeric(9,4) not null,
    trigger      text         not null,
    days         int          not null,
    primary key (customer_id, contract_id, position)
);

create table dossier_contact (
    customer_id      text        not null,
    sequence_number  bigint      not null,
    contact_id       text        not null,
    occurred_on      date        not null,
    recorded_at      timestamptz not null,
    channel          text        not null,
    collector        text,
    party_reached    text,
    outcome          text        not null,
    recording_ref    text,
    primary key (customer_id, sequence_number)
);

create table dossier_letter (
    customer_id      text          not null,
    sequence_number  bigint        not null,
    letter_id        text          not null,
    occurred_on      date          not null,
    recorded_at      timestamptz   not null,
    level            int           not null,
    invoice_ids      text[]        not null,
    currency         char(3)       not null,
    amount           numeric(19,4) not null,
    late_fees        numeric(19,4) not null,
    deadline         date          not null,
    courier          text          not null,
    waybill          text          not null,
    document_ref     text          not null,
    primary key (customer_id, sequence_number)
);

create table dossier_letter_delivery (
    customer_id  text        not null,
    letter_id    text        not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null,
    received_by  text,
    proof_ref    text        not null,
    primary key (customer_id, letter_id)
);

create table dossier_promise (
    customer_id      text          not null,
    sequence_number  bigint        not null,
    promise_id       text          not null,
    occurred_on      date          not null,
    recorded_at      timestamptz   not null,
    currency         char(3)       not null,
    amount           numeric(19,4) not null,
    promised_date    date          not null,
    form             text          not null,
    invoice_ids      text[]        not null,
    document_ref     text,
    primary key (customer_id, sequence_number)
);

-- Every outcome recorded for a promise, judged or corrected; the latest that qualifies stands.
create table dossier_promise_outcome (
    customer_id      text          not null,
    sequence_number  bigint        not null,
    promise_id       text          not null,
    occurred_on      date          not null,
    recorded_at      timestamptz   not null,
    outcome          text          not null,
    received         numeric(19,4) not null,
    primary key (customer_id, sequence_number)
);
