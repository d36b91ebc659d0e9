/**
 * Writes the undo-log triggers (src/lib/server/db/undo-triggers.ts) into a migration. Run after a
 * schema change that adds or alters a table an import can change, into a new custom migration:
 *   npx drizzle-kit generate --custom --name undo_log_vN && npx tsx scripts/generate-undo-triggers.ts drizzle/NNNN_undo_log_vN.sql
 */
import { writeFileSync } from 'node:fs';
import { loggedTables, undoTriggerMigration } from '../src/lib/server/db/undo-triggers';

const out = process.argv[2];
if (!out) throw new Error('Give the migration file to write.');
writeFileSync(out, undoTriggerMigration());
console.log(`Wrote ${loggedTables().length} tables' triggers to ${out}`);
