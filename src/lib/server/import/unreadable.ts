/**
 * A file the importer cannot read as a table at all (broken encoding, an unclosed quote, two
 * columns read as one): the import stops, writes nothing, and reports the message as its fatal
 * problem instead of failing as a crash. The message says what was found and where.
 */
export class UnreadableFileError extends Error {
	override name = 'UnreadableFileError';
}
