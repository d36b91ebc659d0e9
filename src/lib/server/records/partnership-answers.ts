/**
 * A council's answer to being named a partner in another council's bid. Until its officers (or an
 * admin) accept, the bid changes nothing of the partner's: not its page, not its figures. Each
 * answer is kept with its audit entry in one transaction; the newest answer is in force.
 */
import { z } from 'zod';
import type { Db } from '../db/client';
import { auditLog, partnershipAnswers, PARTNERSHIP_ANSWERS } from '../db/schema';
import type { Actor } from '../accounts/users';

/** The form a partner council's officer sends from its funding page. */
export const PartnershipAnswerForm = z.object({
	lead: z
		.string()
		.trim()
		.regex(/^[A-Z0-9]{2,6}$/, 'The lead council’s code was not sent.'),
	reference: z.string().trim().min(1).max(500),
	answer: z.enum(PARTNERSHIP_ANSWERS, { error: 'Choose to accept or decline the partnership.' })
});

export interface PartnershipAnswerWrite {
	leadAuthorityCode: string;
	bidReference: string;
	partnerAuthorityCode: string;
	answer: (typeof PARTNERSHIP_ANSWERS)[number];
	/** How the bid is named in the audit trail, e.g. "LDS bid LDS-2024-07, Heat pumps…". */
	bidLabel: string;
	/** The answer in force before this one, for the audit trail. */
	previous: string | null;
}

/** Record an answer and its audit entry together. */
export function recordPartnershipAnswer(db: Db, input: PartnershipAnswerWrite, by: Actor): number {
	const { bidLabel, previous, ...answer } = input;
	return db.transaction((tx) => {
		const { id } = tx
			.insert(partnershipAnswers)
			.values({ ...answer, ...by })
			.returning({ id: partnershipAnswers.id })
			.get();
		tx.insert(auditLog)
			.values({
				...by,
				action: `partnership.${answer.answer}`,
				summary: `${answer.partnerAuthorityCode} ${answer.answer} being a partner in ${bidLabel}`,
				before: { answer: previous },
				after: { answer: answer.answer }
			})
			.run();
		return id;
	});
}
