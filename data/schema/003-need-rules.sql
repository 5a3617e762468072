-- Plainly schema, version 3: what each recorded communication need changes
-- in the display and speech defaults, as staff have set it. A code with no
-- row here keeps the built-in effects (src/core/pl-needs.c).
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE need_rules (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  code                TEXT NOT NULL UNIQUE,
  min_text_size       INTEGER NOT NULL,
  high_contrast       INTEGER NOT NULL,
  read_aloud          INTEGER NOT NULL,
  more_time           INTEGER NOT NULL
) STRICT;
