/**
 * The closing table of test times, written by the project-times reporter after each vitest run
 * and by scripts/test.js after the whole `npm test`. Plain JavaScript, for that script.
 * @typedef {{ project: string, seconds: number, files: number, tests: number, failed: number }} ProjectTime
 */

/**
 * A heading and one aligned line per project.
 * @param {string} heading
 * @param {readonly ProjectTime[]} times
 */
export function formatTimes(heading, times) {
	const width = Math.max(...times.map((t) => t.project.length));
	const lines = times.map(
		(t) =>
			`  ${t.project.padEnd(width)}  ${t.seconds.toFixed(1).padStart(6)} s  ${String(t.files).padStart(3)} files  ${String(t.tests).padStart(4)} tests${t.failed ? `  ${t.failed} failed` : ''}`
	);
	return [`${heading} (wall time, first file's start to last file's end):`, ...lines].join('\n');
}
