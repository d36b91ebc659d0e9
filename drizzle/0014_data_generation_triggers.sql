-- The change counter pages and whole-country results are cached on (schema.ts, data_generation):
-- bumped by every import, refused file's record and undo (each writes import_batches in its own
-- transaction) and by the council records officers write; never by accounts, sessions or sign-ins.
INSERT INTO `data_generation` (`id`, `generation`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `data_generation_import_batches_insert` AFTER INSERT ON `import_batches` BEGIN UPDATE `data_generation` SET `generation` = `generation` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_generation_import_batches_update` AFTER UPDATE ON `import_batches` BEGIN UPDATE `data_generation` SET `generation` = `generation` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_generation_import_batches_delete` AFTER DELETE ON `import_batches` BEGIN UPDATE `data_generation` SET `generation` = `generation` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_generation_status_overrides_insert` AFTER INSERT ON `status_overrides` BEGIN UPDATE `data_generation` SET `generation` = `generation` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_generation_status_overrides_update` AFTER UPDATE ON `status_overrides` BEGIN UPDATE `data_generation` SET `generation` = `generation` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_generation_status_overrides_delete` AFTER DELETE ON `status_overrides` BEGIN UPDATE `data_generation` SET `generation` = `generation` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_generation_report_snapshots_insert` AFTER INSERT ON `report_snapshots` BEGIN UPDATE `data_generation` SET `generation` = `generation` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_generation_report_snapshots_update` AFTER UPDATE ON `report_snapshots` BEGIN UPDATE `data_generation` SET `generation` = `generation` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_generation_report_snapshots_delete` AFTER DELETE ON `report_snapshots` BEGIN UPDATE `data_generation` SET `generation` = `generation` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_generation_partnership_answers_insert` AFTER INSERT ON `partnership_answers` BEGIN UPDATE `data_generation` SET `generation` = `generation` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_generation_partnership_answers_update` AFTER UPDATE ON `partnership_answers` BEGIN UPDATE `data_generation` SET `generation` = `generation` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_generation_partnership_answers_delete` AFTER DELETE ON `partnership_answers` BEGIN UPDATE `data_generation` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
