/** One field of a form for a record of our feeds (FeedForm.svelte draws it; server code builds it). */
export interface FormField {
	name: string;
	label: string;
	description: string;
	example: string;
	required: boolean;
	type: 'text' | 'date' | 'time' | 'url' | 'textarea' | 'select';
	choices?: { value: string; label: string }[];
	/** Part of the record's key: shown, not changed (a new key is a new record). */
	readonly?: boolean;
	value: string;
	problem?: string | null;
}
