// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Viewer } from '$lib/server/accounts/viewer';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** Who is asking: the public unless a valid session cookie came with the request. */
			viewer: Viewer;
		}
		interface PageData {
			/** The signed-in account shown in the header, or null. */
			account?: { email: string; role: 'admin' | 'officer' } | null;
		}
	}
}

export {};
