CREATE INDEX `action_funding_bid_idx` ON `action_funding` (`bid_id`);--> statement-breakpoint
CREATE INDEX `action_funding_award_idx` ON `action_funding` (`award_id`);--> statement-breakpoint
CREATE INDEX `awards_bid_idx` ON `awards` (`bid_id`);