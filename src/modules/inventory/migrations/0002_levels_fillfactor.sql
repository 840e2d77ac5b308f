-- Every sale, receipt and reservation rewrites its level row: leave room in each page so the new
-- version fits beside the old one (a HOT update: no new index entries, so look-ups by SKU and
-- location do not wade through dead versions of busy levels).
ALTER TABLE "inventory_levels" SET (fillfactor = 70);
