-- The hash chain's alarm, shared by every instance: raised when links or events at or below the head
-- the chainer already published are missing or changed, when an event was altered before it was
-- chained, or when the scheduled verification finds the chain broken. While one is open (resumed_at
-- is null) no instance extends the chain; an administrator resumes it (POST /admin/audit/chain/resume),
-- and who did, and when, is kept beside the finding.
create table chain_alarm (
    id         bigint generated always as identity primary key,
    raised_at  timestamptz not null,
    raised_by  text        not null,
    finding    text        not null,
    resumed_at timestamptz,
    resumed_by text
);
