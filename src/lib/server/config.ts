/**
 * Server configuration from the environment, validated once. Scripts and the server share it, so
 * the command-line importer writes the same database the server reads.
 */
import { z } from 'zod';

const EnvSchema = z.object({
	DATABASE_URL: z
		.string()
		.trim()
		.min(1)
		.default('var/net-zero-local.db')
		.describe('path of the SQLite database file'),
	DATA_DIR: z.string().trim().min(1).default('data'),
	MIGRATIONS_DIR: z.string().trim().min(1).default('drizzle'),
	/** Set to "0" to start with an empty database (tests of the import pipeline use it). */
	LOAD_DEFAULT_DATA: z.enum(['0', '1']).default('1'),
	/** Where uploaded files wait between upload, check and import. */
	UPLOAD_DIR: z.string().trim().min(1).default('var/uploads'),
	/** Largest upload accepted, in megabytes (the DESNZ full dataset is about 60 MB). */
	MAX_UPLOAD_MB: z.coerce.number().positive().max(2048).default(200),
	/** Cost of an officer day, £, for the cost of bidding where a bid records days, not £. */
	BID_DAY_RATE_GBP: z.coerce.number().positive().max(5000).default(350),
	/** Treat this date as today (YYYY-MM-DD): for tests and for reviewing a past state. */
	TODAY: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.optional()
});

export type ServerConfig = z.infer<typeof EnvSchema>;

export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
	const parsed = EnvSchema.safeParse(env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid environment: ${problems.join('; ')}`);
	}
	return parsed.data;
}
