/**
 * Full papers for an export: grouped by file, each file read and parsed once by the shard that owns
 * it (`papers`), an open document parsed from its live text. One request per paper would read and
 * parse the file once per paper (166 times for the seed day); the batch reads it once, and the real-editor
 * test exports that whole day as Markdown in ~0.1 s.
 */
import * as vscode from 'vscode';
import type { ExportItem } from '../../core/export';
import { paperOfKept, type KeptPaper } from '../../core/library/kept';
import type { Paper } from '../../core/model';
import { uriKey } from '../vsc-utils';
import type { IDigestWorkspace, PaperLocation } from '../workspace/types';

export interface ReaderData {
	note(id: string): string | undefined;
	tags(id: string): readonly string[];
	collections(id: string): string[];
	/** what the library kept of a paper no digest lists any more */
	kept?(id: string): KeptPaper | undefined;
}

/** The days of `locations` (a day's label for a file without one), each once, in their order. */
export function daysOfLocations(locations: readonly PaperLocation[]): string[] {
	return [...new Set(locations.map((l) => l.file.digest.day ?? l.file.digest.label))];
}

/** Every day that lists `id`, newest first. */
export function daysOf(workspace: IDigestWorkspace, id: string): string[] {
	return daysOfLocations(workspace.findPaper(id));
}

/** The full papers at `locations`, each file read once; a location that can no longer be read is left out. */
export async function loadPapers(workspace: IDigestWorkspace, locations: readonly PaperLocation[]): Promise<Map<PaperLocation, { paper: Paper; day?: string }>> {
	const byFile = new Map<string, PaperLocation[]>();
	for (const location of locations) {
		const key = uriKey(location.file.uri);
		const list = byFile.get(key);
		if (list) list.push(location);
		else byFile.set(key, [location]);
	}
	const loaded = new Map<PaperLocation, { paper: Paper; day?: string }>();
	const backend = await workspace.backend();
	await Promise.all(
		[...byFile.values()].map(async (list) => {
			const uri = list[0].file.uri;
			const open = vscode.workspace.textDocuments.some((d) => uriKey(d.uri) === uriKey(uri));
			if (open || !backend) {
				for (const location of list) {
					const one = await workspace.loadPaper(location);
					if (one) loaded.set(location, one);
				}
				return;
			}
			const replies = await backend.service.papers(backend.keyOf(uri), list.map((l) => ({ id: l.paper.id, near: l.index })));
			replies.forEach((reply, i) => {
				if (reply) loaded.set(list[i], reply);
			});
		}),
	);
	return loaded;
}

/**
 * The export's items: the papers at `locations` read in full, then the `absent` ones (no digest of the
 * workspace lists them) as the library kept them; `missing`, the ones neither gave.
 */
export async function loadItems(workspace: IDigestWorkspace, locations: readonly PaperLocation[], reader: ReaderData, absent: readonly string[] = []): Promise<{ items: ExportItem[]; missing: string[] }> {
	const loaded = await loadPapers(workspace, locations);
	const items: ExportItem[] = [];
	const missing: string[] = [];
	for (const location of locations) {
		const full = loaded.get(location);
		if (!full) {
			missing.push(location.paper.id);
			continue;
		}
		const id = full.paper.id;
		const note = reader.note(id);
		items.push({
			paper: full.paper,
			day: full.day ?? location.file.digest.day,
			days: daysOf(workspace, id),
			...(note ? { note } : {}),
			tags: reader.tags(id),
			collections: reader.collections(id),
		});
	}
	for (const id of absent) {
		const kept = reader.kept?.(id);
		if (!kept) {
			missing.push(id);
			continue;
		}
		const note = reader.note(kept.id);
		items.push({ paper: paperOfKept(kept), day: kept.days[0], days: kept.days, ...(note ? { note } : {}), tags: reader.tags(kept.id), collections: reader.collections(kept.id) });
	}
	return { items, missing };
}
