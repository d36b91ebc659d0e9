/**
 * `npm run db:migrate`: apply the committed migrations to DATABASE_URL and, on an empty database,
 * load the shipped data (the same steps the server takes at start).
 */
import { prepareDatabase } from '../src/lib/server/startup';

const handle = await prepareDatabase();
console.log('Database is migrated and loaded.');
handle.close();
