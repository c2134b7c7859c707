/** Where CLI commands write; tests pass collectors instead of the process streams. */
export interface CliIO {
	stdout(text: string): void;
	stderr(text: string): void;
}

export const EXIT_OK = 0;
/** a file or directory could not be read (or, for gen-corpus, written) */
export const EXIT_IO_ERROR = 1;
export const EXIT_USAGE = 2;

export function errorMessage(error: unknown): string {
	if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
		switch (error.code) {
			case 'ENOENT': return 'no such file or directory';
			case 'EACCES': case 'EPERM': return 'permission denied';
			case 'EISDIR': return 'is a directory';
			case 'ENOTDIR': return 'not a directory';
		}
	}
	return error instanceof Error ? error.message : String(error);
}
