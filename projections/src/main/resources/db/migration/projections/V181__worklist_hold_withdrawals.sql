-- Read model "worklist": a hold on new orders withdrawn (time.OrdersHoldWithdrawn) is a row of -1 on the
-- hold's day with the withdrawal's recording time, beside the hold's +1: the holds counted are the sum,
-- so a worklist known before the withdrawal was recorded still counts the hold.
alter table worklist_orders_held add column holds smallint not null default 1;
