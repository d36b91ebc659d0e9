/**
 * How the import page presents feeds: the app's own templates (downloadable, filled in by
 * officers) apart from publishers' formats (uploaded as published), as each feed says of itself.
 */
import { FEEDS } from './registry';

export interface FeedSummary {
	key: string;
	title: string;
	description: string;
	isTemplate: boolean;
	columns: {
		name: string;
		required: boolean;
		description: string;
		example: string | null;
		aliases: string[];
	}[];
}

export function listFeedSummaries(): FeedSummary[] {
	return FEEDS.map((f) => ({
		key: f.key,
		title: f.title,
		description: f.description,
		isTemplate: f.template === true,
		columns: f.columns.map((c) => ({
			name: c.name,
			required: c.required,
			description: c.description,
			example: c.example ?? null,
			aliases: [...(c.aliases ?? [])]
		}))
	}));
}
