-- Plainly schema, version 2: reading aids, and carers who sign in to read
-- what the person agreed to share (NG86 1.1.14-1.1.15).
-- SPDX-License-Identifier: GPL-3.0-or-later

-- 0 off, else how many lines stay bright around the reading line (1, 3 or 5)
ALTER TABLE settings ADD COLUMN line_focus INTEGER NOT NULL DEFAULT 0;
ALTER TABLE settings ADD COLUMN reading_ruler INTEGER NOT NULL DEFAULT 0;
ALTER TABLE settings ADD COLUMN focus_mode INTEGER NOT NULL DEFAULT 0;

-- A carer's own profile on a shared computer
CREATE TABLE carers (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  name                TEXT NOT NULL,
  pin_hash            TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;

-- Which of the people a carer supports they may read, and as whom: the
-- contact in that person's plan, whose sharing says what they may see
CREATE TABLE carer_links (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  carer_id            INTEGER NOT NULL REFERENCES carers (id) ON DELETE CASCADE,
  contact_id          INTEGER NOT NULL UNIQUE REFERENCES contacts (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX carer_links_carer ON carer_links (carer_id);

-- A carer reads in their own text size and theme, not the person's
CREATE TABLE carer_settings (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  carer_id            INTEGER NOT NULL UNIQUE REFERENCES carers (id) ON DELETE CASCADE,
  text_size           INTEGER NOT NULL,
  theme               TEXT,
  font                TEXT,
  line_spacing        REAL NOT NULL,
  paragraph_spacing   REAL NOT NULL,
  letter_spacing      REAL NOT NULL,
  voice               TEXT,
  speech_rate         INTEGER NOT NULL,
  speech_pitch        INTEGER NOT NULL,
  speech_volume       INTEGER NOT NULL,
  pause_ms            INTEGER NOT NULL,
  read_aloud          INTEGER NOT NULL,
  talking_buttons     INTEGER NOT NULL,
  lock_minutes        INTEGER NOT NULL,
  line_focus          INTEGER NOT NULL,
  reading_ruler       INTEGER NOT NULL,
  focus_mode          INTEGER NOT NULL
) STRICT;
