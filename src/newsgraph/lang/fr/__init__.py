"""Everything French: calendar words, reporting verbs, event lexicon, role words, demonyms."""
