-- Plainly schema, version 13: a version of the plan written in another
-- care record.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Who wrote a version of the plan, and when, when it was written in another
-- care record and brought in (as its Provenance said); NULL for a version
-- written in Plainly, whose history says who. They travel on when the plan
-- is exported again, so the record of who wrote it is never replaced by
-- the name of whoever imported it.
ALTER TABLE plans ADD COLUMN written_elsewhere_by TEXT;
ALTER TABLE plans ADD COLUMN written_elsewhere_at TEXT;
