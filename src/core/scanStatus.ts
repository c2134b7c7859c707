/**
 * What a workspace scan is doing, in the words of the Papers view and the status bar: one rule for
 * both. vscode-free.
 */

/** Where a full scan stands; `scanning` is false once it finished (then done === total). */
export interface ScanProgress {
	readonly done: number;
	readonly total: number;
	readonly scanning: boolean;
}

/**
 * `reading`: files are being read (`done` of `total`). `checking`: no file had to be read yet, and
 * digests are shown already (the last session's, from the caches, or the ones read ahead of the
 * listing): the scan is comparing the folder with them, and a count of 0 would say nothing was
 * there. `idle`: no scan runs.
 */
export type ScanPhase = 'idle' | 'reading' | 'checking';

export function scanPhase(progress: ScanProgress, digestsShown: number): ScanPhase {
	if (!progress.scanning) return 'idle';
	return progress.done === 0 && digestsShown > 0 ? 'checking' : 'reading';
}
