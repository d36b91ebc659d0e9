import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('passwords', () => {
	it('verifies the right password and refuses a wrong one', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
		expect(stored).not.toContain('correct horse');
		expect(await verifyPassword('correct horse battery', stored)).toBe(true);
		expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
		expect(await verifyPassword('', stored)).toBe(false);
	});

	it('salts each hash: the same password twice gives two different hashes', async () => {
		const [a, b] = await Promise.all([
			hashPassword('same password!'),
			hashPassword('same password!')
		]);
		expect(a).not.toBe(b);
		expect(await verifyPassword('same password!', b)).toBe(true);
	});

	it('refuses a stored value that is not an scrypt hash', async () => {
		expect(await verifyPassword('anything', 'plain-text')).toBe(false);
	});
});
