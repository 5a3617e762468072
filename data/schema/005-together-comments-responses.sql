-- Plainly schema, version 5: how a plan was made together, comments on the
-- care diary, and "You said, we did".
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Who was there when the plan was written and how the person took part
-- (NG86 1.1.4, 1.1.9)
ALTER TABLE plans ADD COLUMN present TEXT;
ALTER TABLE plans ADD COLUMN participation TEXT;

-- The person's or a carer's own words about a diary entry (NG21 1.3.22-1.3.24).
-- author: the name they chose to sign with; carer_id when a carer wrote it.
CREATE TABLE diary_comments (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id            INTEGER NOT NULL REFERENCES diary_entries (id) ON DELETE CASCADE,
  carer_id            INTEGER REFERENCES carers (id) ON DELETE SET NULL,
  author              TEXT NOT NULL,
  body                TEXT NOT NULL,
  created_at          TEXT NOT NULL
) STRICT;
CREATE INDEX diary_comments_entry ON diary_comments (entry_id);

-- What people told the service and what it did about it, published for
-- everyone who uses the service to read (NG86 1.6.11). complaint_id: the
-- feedback it answers, if any; never shown to readers.
CREATE TABLE service_responses (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  service_id          INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  complaint_id        INTEGER REFERENCES complaints (id) ON DELETE SET NULL,
  you_said            TEXT NOT NULL,
  we_did              TEXT NOT NULL,
  published_on        TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX service_responses_service ON service_responses (service_id);
