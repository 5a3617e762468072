-- Plainly schema, version 9: easy read.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Documents in easy read, a picture for each idea, and where the pictures
-- go: beside the words, larger, above them, or none
ALTER TABLE settings ADD COLUMN easy_read INTEGER NOT NULL DEFAULT 0;
ALTER TABLE settings ADD COLUMN symbols TEXT NOT NULL DEFAULT 'beside';
ALTER TABLE carer_settings ADD COLUMN easy_read INTEGER NOT NULL DEFAULT 0;
ALTER TABLE carer_settings ADD COLUMN symbols TEXT NOT NULL DEFAULT 'beside';

-- A part of the plan in easy read, written by staff with the person; shown
-- in easy read instead of the part's words. Nothing writes it but staff.
ALTER TABLE plan_sections ADD COLUMN easy_read TEXT;

-- The picture staff chose for some words ("cup of tea"), or none (symbol
-- NULL), for the whole service (service_id) or one person (person_id),
-- whose choices come before the service's. description: what a screen
-- reader says of the picture; without one it is decoration.
CREATE TABLE symbol_choices (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  service_id          INTEGER REFERENCES services (id) ON DELETE CASCADE,
  person_id           INTEGER REFERENCES people (id) ON DELETE CASCADE,
  words               TEXT NOT NULL,
  symbol              TEXT,
  description         TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  CHECK ((service_id IS NOT NULL) + (person_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX symbol_choices_service ON symbol_choices (service_id);
CREATE INDEX symbol_choices_person ON symbol_choices (person_id);
