-- Plainly schema, version 12: a plan kept in two languages.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- The words staff wrote in a person's plan, put into another language with
-- them (a Welsh plan also kept in English). Each is keyed by the words it
-- translates, so a translation outlives new versions of the plan while its
-- words stay the same, and a changed text shows as not yet translated
-- rather than with an out-of-date translation.
CREATE TABLE plan_translations (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id           INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  language            TEXT NOT NULL,
  source              TEXT NOT NULL,
  translation         TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (person_id, language, source)
) STRICT;

-- Which language the person (or carer) reads their plan in, when it is kept
-- in more than one; NULL: the language it was written in.
ALTER TABLE settings ADD COLUMN plan_language TEXT;
ALTER TABLE carer_settings ADD COLUMN plan_language TEXT;
