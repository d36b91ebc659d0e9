CREATE TABLE `council_emissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`authority_code` text NOT NULL,
	`year` integer NOT NULL,
	`scope1_t` real,
	`scope2_t` real,
	`scope3_t` real,
	`method` text,
	`source_url` text,
	`notes` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `council_emissions_natural_idx` ON `council_emissions` (`authority_code`,`year`);--> statement-breakpoint
ALTER TABLE `targets` ADD `carbon_budget_kt` real;--> statement-breakpoint
ALTER TABLE `targets` ADD `budget_start_year` integer;