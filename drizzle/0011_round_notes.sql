-- Round labels from award lists carried notes in brackets (feeds/round-label.ts now splits them
-- on import): the rounds a database already holds get the same names, their notes kept.
-- A round whose new name is taken already is left as it is.

UPDATE competitions SET round = '2025 awards', notes = coalesce(notes, '14 Feb') WHERE scheme = 'Green Heat Network Fund' AND round = '2025 awards (14 Feb)' AND NOT EXISTS (SELECT 1 FROM competitions AS c WHERE c.scheme = 'Green Heat Network Fund' AND c.round = '2025 awards');--> statement-breakpoint
UPDATE competitions SET round = '£68m round', notes = coalesce(notes, '8 projects') WHERE scheme = 'Green Heat Network Fund' AND round = '£68m round (8 projects)' AND NOT EXISTS (SELECT 1 FROM competitions AS c WHERE c.scheme = 'Green Heat Network Fund' AND c.round = '£68m round');--> statement-breakpoint
UPDATE competitions SET round = '2025', notes = coalesce(notes, 'first GBE project') WHERE scheme = 'Great British Energy: solar for schools and NHS' AND round = '2025 (first GBE project)' AND NOT EXISTS (SELECT 1 FROM competitions AS c WHERE c.scheme = 'Great British Energy: solar for schools and NHS' AND c.round = '2025');--> statement-breakpoint
UPDATE competitions SET round = 'Whole scheme' WHERE scheme = 'Public Sector Decarbonisation Scheme' AND round = '(scheme)' AND NOT EXISTS (SELECT 1 FROM competitions AS c WHERE c.scheme = 'Public Sector Decarbonisation Scheme' AND c.round = 'Whole scheme');
