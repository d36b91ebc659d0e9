CREATE TABLE `action_funding` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`bid_id` integer,
	`award_id` integer,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`award_id`) REFERENCES `awards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_funding_action_idx` ON `action_funding` (`action_id`);--> statement-breakpoint
CREATE TABLE `action_milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`title` text NOT NULL,
	`due_date` text,
	`done_on` text,
	`batch_id` integer,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_milestones_natural_idx` ON `action_milestones` (`action_id`,`title`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`authority_code` text NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`sector` text,
	`scope` text,
	`status` text NOT NULL,
	`phase` text,
	`percent_complete` real,
	`start_date` text,
	`due_date` text,
	`completed_on` text,
	`last_updated` text,
	`est_tco2e_per_year` real,
	`cost_gbp` integer,
	`funding_status` text,
	`owner` text,
	`partners_text` text,
	`rag` text,
	`rag_note` text,
	`is_public` integer DEFAULT true NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `actions_natural_idx` ON `actions` (`authority_code`,`reference`);--> statement-breakpoint
CREATE TABLE `authorities` (
	`code` text PRIMARY KEY NOT NULL,
	`gss_code` text,
	`official_name` text NOT NULL,
	`nice_name` text NOT NULL,
	`type` text NOT NULL,
	`type_name` text NOT NULL,
	`tier` text NOT NULL,
	`nation` text NOT NULL,
	`region` text,
	`county_code` text,
	`combined_authority_code` text,
	`replaced_by_code` text,
	`replaced_by_codes` text,
	`start_date` text,
	`end_date` text,
	`is_current` integer NOT NULL,
	`population_2020` integer,
	`area_km2` real,
	`lat` real,
	`lng` real,
	`website_url` text,
	`batch_id` integer,
	FOREIGN KEY (`county_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`combined_authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaced_by_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authorities_gss_idx` ON `authorities` (`gss_code`);--> statement-breakpoint
CREATE INDEX `authorities_list_idx` ON `authorities` (`is_current`,`nation`,`region`,`type`);--> statement-breakpoint
CREATE TABLE `authority_aliases` (
	`normalised` text NOT NULL,
	`authority_code` text NOT NULL,
	`alias` text NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`normalised`, `authority_code`),
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `authority_gss_codes` (
	`gss_code` text PRIMARY KEY NOT NULL,
	`authority_code` text NOT NULL,
	`is_current` integer NOT NULL,
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `authority_populations` (
	`authority_code` text NOT NULL,
	`year` integer NOT NULL,
	`population` integer NOT NULL,
	`dataset_key` text NOT NULL,
	PRIMARY KEY(`authority_code`, `year`, `dataset_key`),
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dataset_key`) REFERENCES `datasets`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `awards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`competition_id` integer NOT NULL,
	`authority_code` text NOT NULL,
	`bid_id` integer,
	`kind` text NOT NULL,
	`amount_gbp` integer NOT NULL,
	`award_date` text,
	`award_date_precision` text,
	`project_title` text DEFAULT '' NOT NULL,
	`is_consortium` integer DEFAULT false NOT NULL,
	`recipient_name` text NOT NULL,
	`source_url` text,
	`notes` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`competition_id`) REFERENCES `competitions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `awards_natural_idx` ON `awards` (`competition_id`,`authority_code`,`amount_gbp`,`project_title`);--> statement-breakpoint
CREATE INDEX `awards_authority_idx` ON `awards` (`authority_code`,`award_date`);--> statement-breakpoint
CREATE TABLE `bid_status_history` (
	`bid_id` integer NOT NULL,
	`status` text NOT NULL,
	`on_date` text NOT NULL,
	PRIMARY KEY(`bid_id`, `status`, `on_date`),
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `bids` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`competition_id` integer NOT NULL,
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
CREATE UNIQUE INDEX `bids_natural_idx` ON `bids` (`lead_authority_code`,`reference`);--> statement-breakpoint
CREATE INDEX `bids_competition_idx` ON `bids` (`competition_id`);--> statement-breakpoint
CREATE TABLE `competition_dates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`competition_id` integer NOT NULL,
	`event` text NOT NULL,
	`date` text NOT NULL,
	`date_precision` text DEFAULT 'day' NOT NULL,
	`time` text,
	`superseded_by_id` integer,
	`note` text,
	`source_url` text,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`competition_id`) REFERENCES `competitions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`superseded_by_id`) REFERENCES `competition_dates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competition_dates_natural_idx` ON `competition_dates` (`competition_id`,`event`,`date`);--> statement-breakpoint
CREATE TABLE `competition_facts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`competition_id` integer NOT NULL,
	`fact_type` text NOT NULL,
	`date` text,
	`amount_gbp` integer,
	`scope` text,
	`note` text,
	`source_url` text,
	`batch_id` integer,
	FOREIGN KEY (`competition_id`) REFERENCES `competitions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `competitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scheme` text NOT NULL,
	`round` text NOT NULL,
	`funder_id` integer,
	`kind` text,
	`theme` text,
	`budget_gbp` integer,
	`min_award_gbp` integer,
	`max_award_gbp` integer,
	`match_funding_rule` text,
	`eligible_types` text,
	`eligibility_note` text,
	`decision_date` text,
	`spend_by_date` text,
	`source_url` text,
	`notes` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`funder_id`) REFERENCES `funders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competitions_natural_idx` ON `competitions` (`scheme`,`round`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`key` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`publisher` text NOT NULL,
	`licence` text NOT NULL,
	`licence_url` text,
	`attribution` text NOT NULL,
	`source_url` text NOT NULL,
	`version` text,
	`release_date` text,
	`coverage` text,
	`notes` text
);
--> statement-breakpoint
CREATE TABLE `declarations` (
	`authority_code` text PRIMARY KEY NOT NULL,
	`declared` integer NOT NULL,
	`made_text` text NOT NULL,
	`date_made` text,
	`date_precision` text,
	`motion_url` text,
	`ecological_emergency` text,
	`council_target_year` integer,
	`whole_area_target_text` text,
	`notes` text,
	`batch_id` integer,
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `emission_releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_key` text NOT NULL,
	`gases` text NOT NULL,
	`has_territorial` integer NOT NULL,
	`has_influence` integer NOT NULL,
	`label` text NOT NULL,
	`checksum` text NOT NULL,
	`release_date` text,
	`year_from` integer,
	`year_to` integer,
	`batch_id` integer,
	FOREIGN KEY (`dataset_key`) REFERENCES `datasets`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `emission_releases_dataset_idx` ON `emission_releases` (`dataset_key`,`year_from`,`year_to`);--> statement-breakpoint
CREATE TABLE `emissions` (
	`release_id` integer NOT NULL,
	`authority_code` text NOT NULL,
	`year` integer NOT NULL,
	`sector` text NOT NULL,
	`sub_sector` text NOT NULL,
	`gas` text NOT NULL,
	`territorial_kt` real,
	`influence_kt` real,
	`is_aggregate` integer NOT NULL,
	FOREIGN KEY (`release_id`) REFERENCES `emission_releases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `emissions_authority_idx` ON `emissions` (`authority_code`,`release_id`,`year`,`sector`,`territorial_kt`,`influence_kt`);--> statement-breakpoint
CREATE TABLE `feed_header_maps` (
	`feed` text NOT NULL,
	`their_header` text NOT NULL,
	`our_column` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`feed`, `their_header`)
);
--> statement-breakpoint
CREATE TABLE `funders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `funders_name_unique` ON `funders` (`name`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`feed` text NOT NULL,
	`dataset_key` text,
	`file_name` text NOT NULL,
	`checksum` text NOT NULL,
	`imported_by` text NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text,
	`status` text NOT NULL,
	`undone_at` text,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`rows_accepted` integer DEFAULT 0 NOT NULL,
	`rows_rejected` integer DEFAULT 0 NOT NULL,
	`rows_written` integer DEFAULT 0 NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`report` text,
	FOREIGN KEY (`dataset_key`) REFERENCES `datasets`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_batches_feed_idx` ON `import_batches` (`feed`,`checksum`);--> statement-breakpoint
CREATE TABLE `import_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`table_name` text NOT NULL,
	`op` text NOT NULL,
	`row_id` integer NOT NULL,
	`before` text
);
--> statement-breakpoint
CREATE INDEX `import_changes_batch_idx` ON `import_changes` (`batch_id`);--> statement-breakpoint
CREATE INDEX `import_changes_row_idx` ON `import_changes` (`table_name`,`row_id`);--> statement-breakpoint
CREATE TABLE `import_context` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer
);
--> statement-breakpoint
CREATE TABLE `import_issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`row_number` integer,
	`column` text,
	`value` text,
	`severity` text NOT NULL,
	`code` text NOT NULL,
	`message` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_issues_batch_idx` ON `import_issues` (`batch_id`,`code`);--> statement-breakpoint
CREATE TABLE `import_rejected_rows` (
	`batch_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`values` text NOT NULL,
	`reasons` text NOT NULL,
	PRIMARY KEY(`batch_id`, `row_number`),
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `interim_targets` (
	`target_id` integer NOT NULL,
	`year` integer NOT NULL,
	`reduction_pct` real NOT NULL,
	`wording` text,
	PRIMARY KEY(`target_id`, `year`),
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `participations` (
	`competition_id` integer NOT NULL,
	`authority_code` text NOT NULL,
	`status` text NOT NULL,
	`lead_authority_code` text,
	`lead_name` text,
	`website_url` text,
	`batch_id` integer,
	PRIMARY KEY(`competition_id`, `authority_code`),
	FOREIGN KEY (`competition_id`) REFERENCES `competitions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `participations_lead_idx` ON `participations` (`lead_authority_code`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bid_id` integer,
	`award_id` integer,
	`authority_code` text,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`award_id`) REFERENCES `awards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partners_bid_idx` ON `partners` (`bid_id`);--> statement-breakpoint
CREATE INDEX `partners_award_idx` ON `partners` (`award_id`);--> statement-breakpoint
CREATE INDEX `partners_authority_idx` ON `partners` (`authority_code`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`authority_code` text NOT NULL,
	`url` text NOT NULL,
	`title` text,
	`type` text,
	`date_retrieved` text,
	`last_update` text,
	`out_of_date` integer,
	`file_type` text,
	`batch_id` integer,
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_natural_idx` ON `plans` (`authority_code`,`url`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`authority_code` text NOT NULL,
	`scope` text NOT NULL,
	`target_year` integer,
	`baseline_year` integer,
	`baseline_kt` real,
	`wording` text DEFAULT '' NOT NULL,
	`source_url` text,
	`source_name` text,
	`checked_on` text,
	`notes` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_natural_idx` ON `targets` (`authority_code`,`scope`,`target_year`,`wording`);--> statement-breakpoint
CREATE INDEX `targets_scope_year_idx` ON `targets` (`scope`,`target_year`);