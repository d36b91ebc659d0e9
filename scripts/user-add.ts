/**
 * `npm run user:add -- --admin EMAIL` or `npm run user:add -- --officer EMAIL --authority TRF[,MAN]`
 * Adds an account to DATABASE_URL (migrating and loading the council register first on a fresh
 * database). The password is asked twice on a terminal, without echo, or read from stdin with
 * --password-stdin (for scripts); there is never a default password. Exits 0 when added, 2 on
 * bad arguments or a refused password (one sentence on stderr, nothing written).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parseAuthorityList } from '../src/lib/server/accounts/authority-list';
import { passwordProblem } from '../src/lib/server/accounts/password-rules';
import { addUser, findUserByEmail, normaliseEmail } from '../src/lib/server/accounts/users';
import { prepareDatabase } from '../src/lib/server/startup';
import { exitWith } from '../src/lib/server/cli-output';

const USAGE =
	'npm run user:add -- --admin EMAIL | --officer EMAIL --authority TRF[,MAN] [--password-stdin]';

function refuse(sentence: string): never {
	exitWith(2, sentence);
}

async function readStdin(): Promise<string> {
	let text = '';
	for await (const chunk of process.stdin) text += chunk;
	return text.replace(/\r?\n$/, '');
}

/** One line from the terminal, not echoed. */
function askHidden(prompt: string): Promise<string> {
	return new Promise((resolve) => {
		const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		const out = rl as unknown as { _writeToOutput: (s: string) => void };
		rl.question(prompt, (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
		out._writeToOutput = (s: string) => {
			if (s.startsWith(prompt)) process.stdout.write(prompt);
		};
	});
}

async function main() {
	let args;
	try {
		args = parseArgs({
			options: {
				admin: { type: 'string' },
				officer: { type: 'string' },
				authority: { type: 'string' },
				'password-stdin': { type: 'boolean', default: false }
			}
		}).values;
	} catch (e) {
		refuse(`${(e as Error).message}\nUsage: ${USAGE}`);
	}
	const email = args.admin ?? args.officer;
	if (!email || (args.admin && args.officer))
		refuse(`Give --admin EMAIL or --officer EMAIL.\nUsage: ${USAGE}`);
	if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) refuse(`"${email}" is not an email address.`);
	const role = args.admin ? 'admin' : 'officer';
	if (role === 'officer' && !args.authority)
		refuse('An officer needs --authority with their council codes, e.g. --authority TRF,MAN.');

	let password: string;
	if (args['password-stdin']) password = await readStdin();
	else if (process.stdin.isTTY) {
		password = await askHidden('Password: ');
		if ((await askHidden('Password again: ')) !== password) refuse('The passwords differ.');
	} else refuse('No terminal to ask for a password on: use --password-stdin.');
	const weak = passwordProblem(password, email);
	if (weak) refuse(weak);

	const handle = await prepareDatabase(undefined, () => {});
	try {
		if (findUserByEmail(handle.db, email))
			refuse(`${normaliseEmail(email)} has an account already.`);
		let codes: string[] = [];
		if (role === 'officer') {
			const parsed = parseAuthorityList(args.authority ?? '', handle.db);
			if (!parsed.ok) refuse(parsed.message);
			if (!parsed.codes.length) refuse('An officer needs at least one council code.');
			codes = parsed.codes;
		}
		const user = await addUser(
			handle.db,
			{ email, password, role, authorities: codes },
			{ userId: null, actor: 'command line' }
		);
		console.log(`Added ${user.email} as ${role}${codes.length ? ` of ${codes.join(', ')}` : ''}.`);
	} finally {
		handle.close();
	}
}

await main();
