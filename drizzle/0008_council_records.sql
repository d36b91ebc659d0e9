CREATE TABLE `report_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`authority_code` text NOT NULL,
	`financial_year` text NOT NULL,
	`meeting_on` text NOT NULL,
	`digest` text NOT NULL,
	`user_id` integer,
	`actor` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_snapshots_authority_idx` ON `report_snapshots` (`authority_code`,`meeting_on`);--> statement-breakpoint
CREATE TABLE `status_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`authority_code` text NOT NULL,
	`scope` text NOT NULL,
	`target_year` integer,
	`target_id` integer NOT NULL,
	`measure` text NOT NULL,
	`colour` text,
	`calculated_colour` text,
	`reason` text NOT NULL,
	`user_id` integer,
	`actor` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `status_overrides_target_idx` ON `status_overrides` (`authority_code`,`scope`,`target_year`);