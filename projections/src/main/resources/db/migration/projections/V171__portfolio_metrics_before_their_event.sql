-- Read model "portfolio-metrics": the facts on a day before their event's date (recovery windows on the
-- term's first day past due, promise outcomes on the promised date), summed per day and event date as
-- metrics_day sums all facts per day. A report as of a past date takes those after it back out of the
-- sums from here, a few thousand rows, instead of reading each fact back from metrics_fact.
create table metrics_day_before_event (
    dimension   text          not null,
    occurred_on date          not null,  -- the business date of the events summed: after the report's, they are taken back out
    value       text          not null,
    currency    text          not null,
    measure     text          not null,
    day         date          not null,  -- before occurred_on
    amount      numeric(19,4) not null,
    primary key (dimension, occurred_on, value, currency, measure, day)
);

insert into metrics_day_before_event (dimension, occurred_on, value, currency, measure, day, amount)
select dim.dimension, f.occurred_on, dim.value, f.currency, f.measure, f.day, sum(f.amount)
from metrics_fact f
cross join lateral (values ('all', ''), ('collector', f.collector), ('tier', f.tier),
                           ('receivable_class', f.receivable_class)) as dim (dimension, value)
where f.day < f.occurred_on and dim.value is not null
group by 1, 2, 3, 4, 5, 6;

-- only the knownAt take-back reads metrics_fact now, by recorded_at
drop index metrics_fact_before_their_event;
