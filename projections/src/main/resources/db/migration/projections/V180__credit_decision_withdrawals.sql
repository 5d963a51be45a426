-- Read model "credit-decision": holds on new orders and raises of the credit limit withdrawn
-- (time.OrdersHoldWithdrawn, collection.CreditLimitRaiseWithdrawn). The rows they withdraw stay:
-- a decision known at a time before a withdrawal was recorded is the one made then, and from that
-- time the rows recorded before it (lower seq) on its day no longer count.
create table credit_switch_withdrawal (
    seq          bigint      not null,  -- the withdrawal's, in the customer's stream
    customer_id  text        not null,
    switch       text        not null,
    engaged      boolean     not null,  -- the hold withdrawn (true) or its release (false)
    occurred_on  date        not null,  -- the day of the row withdrawn
    recorded_at  timestamptz not null
);
create index credit_switch_withdrawal_by_customer on credit_switch_withdrawal (customer_id, switch);

create table credit_limit_withdrawal (
    seq          bigint        not null,  -- the withdrawal's, in the customer's stream
    customer_id  text          not null,
    amount       numeric(19,4) not null,
    currency     char(3)       not null,
    basis        text          not null,  -- the raise's own, as credit_limit holds it
    occurred_on  date          not null,  -- the day of the raise withdrawn
    recorded_at  timestamptz   not null
);
create index credit_limit_withdrawal_by_customer on credit_limit_withdrawal (customer_id);
