/**
 * The server says it is running in a small file beside its database (`<db>-server.json`), as a
 * writer announces itself (import/write-lock.ts). Pages read through a connection that holds no
 * lock while idle, so SQLite alone cannot tell a restore that a server has the file open and
 * would go on serving (or, worse, writing into) the database it replaces.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAlive } from '../import/write-lock';

export interface ServerInfo {
	pid: number;
	startedAt: string;
}

const presencePath = (dbPath: string) => `${dbPath}-server.json`;

/** Announce this process as the server of dbPath until it exits. */
export function announceServer(dbPath: string): void {
	if (dbPath === ':memory:') return;
	const info: ServerInfo = { pid: process.pid, startedAt: new Date().toISOString() };
	try {
		writeFileSync(presencePath(dbPath), JSON.stringify(info));
		process.once('exit', () => withdrawServer(dbPath));
	} catch {
		// A courtesy for a restore: never a reason for the server not to start.
	}
}

/** The server running on dbPath, if one announced itself and its process still lives. */
export function runningServer(dbPath: string): ServerInfo | null {
	try {
		const info = JSON.parse(readFileSync(presencePath(dbPath), 'utf8')) as ServerInfo;
		return isAlive(info.pid) ? info : null;
	} catch {
		return null;
	}
}

function withdrawServer(dbPath: string) {
	if (runningServer(dbPath)?.pid === process.pid) rmSync(presencePath(dbPath), { force: true });
}
