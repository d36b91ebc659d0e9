/**
 * How the import page presents feeds: the app's own templates (downloadable, filled in by
 * officers) apart from publishers' formats (uploaded as published).
 */
import { FEEDS } from './registry';

export const TEMPLATE_FEEDS = ['competitions', 'bids', 'actions', 'milestones', 'targets'] as const;

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
		isTemplate: (TEMPLATE_FEEDS as readonly string[]).includes(f.key),
		columns: f.columns.map((c) => ({
			name: c.name,
			required: c.required,
			description: c.description,
			example: c.example ?? null,
			aliases: [...(c.aliases ?? [])]
		}))
	}));
}
