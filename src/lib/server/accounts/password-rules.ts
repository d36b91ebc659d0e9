/**
 * Which passwords an account may be given, for the admin form and `npm run user:add` alike. As the
 * NCSC and NIST advise: a length, no password from the lists of breached passwords, nothing that
 * is one character or pattern repeated, and not the account's own email. Guessability is judged
 * by zxcvbn-ts (its common-password list is drawn from published breaches, and it sees "password"
 * with digits added, keyboard rows and repeats for what they are) rather than by our own list.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/** Long enough to resist guessing offline, short enough to type: the NCSC's three-words length. */
export const MIN_PASSWORD_LENGTH = 12;
/**
 * zxcvbn's score 3 (about 10^8 guesses and more): "safely unguessable" for an online attacker,
 * which the sign-in rate limit makes every attacker. Three random words score 4.
 */
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
/** Built on first use: the dictionaries are a few MB, needed only when a password is set. */
function strength(): ZxcvbnFactory {
	factory ??= new ZxcvbnFactory({
		dictionary: { ...common.dictionary, ...english.dictionary },
		graphs: common.adjacencyGraphs,
		translations: english.translations
	});
	return factory;
}

/** The address and the name before its @, as an account's holder would reuse them. */
function ownWords(email: string): string[] {
	const address = email.trim().toLowerCase();
	const local = address.split('@')[0] ?? '';
	return [address, local, ...local.split(/[._+-]/)].filter((w) => w.length >= 3);
}

const wholly = (result: ZxcvbnResult, pattern: string) =>
	result.sequence.length === 1 && result.sequence[0]!.pattern === pattern;

/** Null when acceptable, else why not, in a sentence for the form or the command line. */
export function passwordProblem(password: string, email = ''): string | null {
	if (password.length < MIN_PASSWORD_LENGTH)
		return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long (it has ${password.length}).`;
	if (!password.trim()) return 'The password must not be only spaces.';
	const own = ownWords(email);
	const ownEmail =
		'The password must not be the account’s email address or its name before the @ (with a little added).';
	if (own.includes(password.trim().toLowerCase())) return ownEmail;
	const result = strength().check(password, own);
	if (wholly(result, 'repeat'))
		return 'The password is one character or a short pattern repeated: choose one that is not.';
	if (result.score >= MIN_SCORE) return null;
	const made = (name: string) =>
		result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName.startsWith(name));
	if (made('userInputs')) return ownEmail;
	return made('passwords')
		? 'The password is one of the most common passwords in published breaches (or one with a few characters added): choose another, such as three random words.'
		: 'The password is too easy to guess (a keyboard row, a sequence, a date or common words): choose another, such as three random words.';
}
