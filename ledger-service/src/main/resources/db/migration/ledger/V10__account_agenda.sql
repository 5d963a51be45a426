-- Each account's first business day whose close would record anything on it (a promise to judge,
-- a stage to reach, late fees to accrue, orders to hold or release), written by the command
-- dispatcher in the transaction of the account's events; null when only a new fact can make the
-- account due. The close of a day sends CloseBusinessDay only to the accounts due by that day.
create table account_agenda (
    account  varchar(255) primary key,
    next_day date
);

create index account_agenda_due on account_agenda (next_day) where next_day is not null;

-- Customers' accounts recorded before the agenda existed are due at the next close, whatever day it
-- closes: that close sends them the command as the close of every account did, and writes their real
-- day. The ledger's own party (aggregate OwnParty) has no close.
insert into account_agenda (account, next_day)
select aggregate_identifier, date '-infinity' from domain_event_entry where sequence_number = 0 and type = 'CustomerAccount';
