import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules';

const EMAIL = 'ann.smith@trafford.gov.uk';

describe('which passwords an account may have', () => {
	it('asks for twelve characters or more', () => {
		expect(passwordProblem('short')).toMatch(/at least 12 characters.*has 5/);
	});

	it.each(['password1234', 'iloveyou1234', 'letmein12345', 'qwertyuiop123', 'Password1234'])(
		'refuses %j, found in the breached-password lists',
		(password) => {
			expect(passwordProblem(password, EMAIL)).toMatch(/most common passwords|too easy to guess/);
		}
	);

	it.each(['aaaaaaaaaaaa', 'abcabcabcabc', '121212121212', 'zzzzzzzzzzzzzzzzzzzz'])(
		'refuses %j, a character or pattern repeated',
		(password) => {
			expect(passwordProblem(password, EMAIL)).toMatch(/repeated/);
		}
	);

	it('accepts a passphrase that holds a word of the address among others', () => {
		expect(passwordProblem('e2e admin password', 'admin@e2e.example')).toBeNull();
	});

	it('refuses twelve spaces', () => {
		expect(passwordProblem(' '.repeat(12), EMAIL)).toMatch(/only spaces/);
	});

	it.each([EMAIL, ' Ann.Smith@Trafford.gov.uk ', 'ann.smith@trafford.gov.uk!!', 'ann.smith12345'])(
		'refuses %j, the account’s own email or its name',
		(password) => {
			expect(passwordProblem(password, EMAIL)).toMatch(/email address/);
		}
	);

	it.each([
		'correct horse battery staple',
		'a good long password',
		'e2e admin password',
		'Tr4ff0rd-bus-lanes-2038',
		'violet kettle marsh ribbon',
		// A word of the address among others is not the address.
		'ann smith reads the climate plan'
	])('accepts %j', (password) => {
		expect(passwordProblem(password, EMAIL)).toBeNull();
	});
});
