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
import { readConfig } from '../src/lib/server/config';
import { prepareDatabase } from '../src/lib/server/startup';
import { CliExit, exitCodeOf, runAsProgram, writeLine, type CliIo } from './cli-io';

const USAGE =
	'npm run user:add -- --admin EMAIL | --officer EMAIL --authority TRF[,MAN] [--password-stdin]';

async function readStdin(stdin: CliIo['stdin']): Promise<string> {
	let text = '';
	for await (const chunk of stdin) text += chunk;
	return text.replace(/\r?\n$/, '');
}

/** One line from the terminal, not echoed. */
function askHidden(io: CliIo, prompt: string): Promise<string> {
	return new Promise((resolve) => {
		const rl = createInterface({ input: io.stdin, output: io.stdout, terminal: true });
		const out = rl as unknown as { _writeToOutput: (s: string) => void };
		rl.question(prompt, (answer) => {
			rl.close();
			io.stdout.write('\n');
			resolve(answer);
		});
		out._writeToOutput = (s: string) => {
			if (s.startsWith(prompt)) io.stdout.write(prompt);
		};
	});
}

export function main(argv: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
	return exitCodeOf(async () => {
		const refuse: (sentence: string) => never = (sentence) => {
			writeLine(io.stderr, sentence);
			throw new CliExit(2);
		};
		let args;
		try {
			args = parseArgs({
				args: argv,
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
		if (args['password-stdin']) password = await readStdin(io.stdin);
		else if (io.stdin.isTTY) {
			password = await askHidden(io, 'Password: ');
			if ((await askHidden(io, 'Password again: ')) !== password) refuse('The passwords differ.');
		} else refuse('No terminal to ask for a password on: use --password-stdin.');
		const weak = passwordProblem(password, email);
		if (weak) refuse(weak);

		const handle = await prepareDatabase(readConfig(env), () => {});
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
			writeLine(
				io.stdout,
				`Added ${user.email} as ${role}${codes.length ? ` of ${codes.join(', ')}` : ''}.`
			);
		} finally {
			handle.close();
		}
	});
}

await runAsProgram(import.meta.url, main);
