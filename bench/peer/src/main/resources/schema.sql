create table if not exists payment (
    command_id  text primary key,
    customer_id text not null,
    payment_id  text not null,
    occurred_on date not null,
    amount      numeric not null,
    currency    text not null,
    method      text not null,
    reference   text,
    recorded_at timestamptz not null default now()
);
