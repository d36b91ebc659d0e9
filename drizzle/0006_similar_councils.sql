CREATE TABLE `similar_councils` (
	`authority_code` text NOT NULL,
	`type` text NOT NULL,
	`rank` integer NOT NULL,
	`peer_code` text NOT NULL,
	`match` real NOT NULL,
	`distance` real NOT NULL,
	PRIMARY KEY(`authority_code`, `type`, `rank`),
	FOREIGN KEY (`authority_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`peer_code`) REFERENCES `authorities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `similarity_runs` (
	`id` integer PRIMARY KEY NOT NULL,
	`inputs_key` text NOT NULL,
	`emissions_year` integer,
	`emissions_release_ids` text NOT NULL,
	`authorities_compared` integer NOT NULL,
	`excluded` text NOT NULL
);
