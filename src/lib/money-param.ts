/**
 * The `money` address option read with zod, apart from funding-purpose.ts: that module's words and
 * links are used by pages in the browser, and a schema beside them took zod there too.
 */
import { z } from 'zod';
import { MONEY_SCOPES } from './funding-purpose';

/** An address's `money`, read with zod: net-zero when absent, a sentence naming both when wrong. */
export const moneyParam = z
	.enum(MONEY_SCOPES, {
		error: 'money: expected "net-zero" (net-zero money, the default) or "all" (all money)'
	})
	.default('net-zero');
