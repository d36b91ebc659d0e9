CREATE TABLE `schemes` (
	`name` text PRIMARY KEY NOT NULL,
	`purpose` text,
	`competitive` text,
	`justification` text,
	`source_url` text,
	`batch_id` integer,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `partnership_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_authority_code` text NOT NULL,
	`bid_reference` text NOT NULL,
	`partner_authority_code` text NOT NULL,
	`answer` text NOT NULL,
	`user_id` integer,
	`actor` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `partnership_answers_partner_idx` ON `partnership_answers` (`partner_authority_code`,`lead_authority_code`);--> statement-breakpoint
CREATE INDEX `partnership_answers_bid_idx` ON `partnership_answers` (`lead_authority_code`,`bid_reference`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_bids` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`competition_id` integer,
	`scheme` text NOT NULL,
	`round` text DEFAULT '' NOT NULL,
	`lead_authority_code` text NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`requested_gbp` integer,
	`awarded_gbp` integer,
	`status` text NOT NULL,
	`status_date` text,
	`submitted_on` text,
	`decided_on` text,
	`officer_days` real,
	`bid_cost_gbp` integer,
	`source_url` text,
	`notes` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`competition_id`) REFERENCES `competitions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Edited after generation: a bid's scheme and round were its competition's, copied here.
INSERT INTO `__new_bids`("id", "competition_id", "scheme", "round", "lead_authority_code", "reference", "title", "requested_gbp", "awarded_gbp", "status", "status_date", "submitted_on", "decided_on", "officer_days", "bid_cost_gbp", "source_url", "notes", "is_sample", "batch_id") SELECT b."id", b."competition_id", c."scheme", c."round", b."lead_authority_code", b."reference", b."title", b."requested_gbp", b."awarded_gbp", b."status", b."status_date", b."submitted_on", b."decided_on", b."officer_days", b."bid_cost_gbp", b."source_url", b."notes", b."is_sample", b."batch_id" FROM `bids` b JOIN `competitions` c ON c."id" = b."competition_id";--> statement-breakpoint
DROP TABLE `bids`;--> statement-breakpoint
ALTER TABLE `__new_bids` RENAME TO `bids`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `bids_natural_idx` ON `bids` (`lead_authority_code`,`reference`);--> statement-breakpoint
CREATE INDEX `bids_competition_idx` ON `bids` (`competition_id`);--> statement-breakpoint
ALTER TABLE `import_rejected_rows` ADD `authority_code` text;--> statement-breakpoint
-- Added after generation: a council's bids no longer make published awards or national rounds.
-- The awards a won bid used to make (marked by their note) go, with their partner rows; a
-- published award linked to a bid stays, linked.
DELETE FROM `partners` WHERE `award_id` IN (SELECT `id` FROM `awards` WHERE `notes` = 'Recorded from the council''s bid');--> statement-breakpoint
DELETE FROM `action_funding` WHERE `award_id` IN (SELECT `id` FROM `awards` WHERE `notes` = 'Recorded from the council''s bid');--> statement-breakpoint
DELETE FROM `awards` WHERE `notes` = 'Recorded from the council''s bid';--> statement-breakpoint
-- Rounds a bids file made (nothing published about them: no dates, facts, awards or
-- participations) are no longer rounds: their bids keep the scheme and round as words.
CREATE TEMP TABLE `bid_made_rounds` AS SELECT c.`id` FROM `competitions` c JOIN `import_batches` ib ON ib.`id` = c.`batch_id` WHERE ib.`feed` = 'bids' AND NOT EXISTS (SELECT 1 FROM `awards` a WHERE a.`competition_id` = c.`id`) AND NOT EXISTS (SELECT 1 FROM `competition_dates` d WHERE d.`competition_id` = c.`id`) AND NOT EXISTS (SELECT 1 FROM `competition_facts` f WHERE f.`competition_id` = c.`id`) AND NOT EXISTS (SELECT 1 FROM `participations` p WHERE p.`competition_id` = c.`id`);--> statement-breakpoint
UPDATE `bids` SET `competition_id` = NULL WHERE `competition_id` IN (SELECT `id` FROM `bid_made_rounds`);--> statement-breakpoint
DELETE FROM `competitions` WHERE `id` IN (SELECT `id` FROM `bid_made_rounds`);--> statement-breakpoint
DROP TABLE `bid_made_rounds`;
