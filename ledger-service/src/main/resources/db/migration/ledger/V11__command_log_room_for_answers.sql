-- A command's row is inserted when its id is claimed and updated in the same transaction with the
-- version and position it answered. Neither column is indexed, so the update can be a HOT update
-- (a new row version on the same page, no index entry written), but only if the page has room: at
-- the default fill factor an import's claim fills its pages, and each of the batch's updates then
-- moves its row to another page and writes an entry into both indexes. Half of each page is left
-- for them. Applies to pages written from now on.
alter table command_log set (fillfactor = 50);
