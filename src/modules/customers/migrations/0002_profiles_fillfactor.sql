-- Every ingested event rewrites its profile row: leave room in each page so the new version fits
-- beside the old one (a HOT update, no index entries to add) and the table does not bloat.
ALTER TABLE "customer_profiles" SET (fillfactor = 60);
