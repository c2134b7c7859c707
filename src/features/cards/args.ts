/**
 * What `arxivDigest.openCard` and `arxivDigest.copyBibtex` accept as their argument: a PaperRef,
 * a tree node (`{ ref }` or the tree's PaperNode `{ kind: 'paper', key, index, paper }`), a
 * PaperLocation from search, or a bare id string. Nothing here trusts the shape it is given.
 */
import type { PaperRef } from '../workspace/types';

/** A PaperRef plus the paper's index in its file when the caller knows it (duplicate ids in one file). */
export interface CardRef extends PaperRef {
	readonly index?: number;
	/** words to mark in the card (the search that opened it matched them) */
	readonly highlight?: readonly string[];
}

/** At most this many words are marked; each at most this long. */
const MAX_HIGHLIGHTS = 50;
const MAX_HIGHLIGHT_LENGTH = 100;

function highlightOf(value: unknown): string[] | undefined {
	if (!Array.isArray(value)) return undefined;
	const words = value.filter((w): w is string => typeof w === 'string' && w.trim().length > 0 && w.length <= MAX_HIGHLIGHT_LENGTH).slice(0, MAX_HIGHLIGHTS);
	return words.length > 0 ? words : undefined;
}

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
	return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function indexOf(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function uriText(value: unknown): string | undefined {
	if (typeof value === 'string') return text(value);
	// a vscode.Uri (or anything with a string form) from a PaperLocation's file
	if (isRecord(value) && typeof value.scheme === 'string' && typeof value.toString === 'function') return text(String(value));
	return undefined;
}

function plainRef(value: Loose): CardRef | undefined {
	const id = text(value.id);
	if (!id || 'kind' in value) return undefined;
	const highlight = highlightOf(value.highlight);
	return highlight ? { uri: uriText(value.uri), id, index: indexOf(value.index), highlight } : { uri: uriText(value.uri), id, index: indexOf(value.index) };
}

/**
 * Whether `arxivDigest.openCard`'s argument asks the card to take the keyboard focus
 * (`preserveFocus: false`, as Enter on a Papers view row does); a card otherwise leaves it where it is.
 */
export function cardTakesFocus(arg: unknown): boolean {
	return isRecord(arg) && arg.preserveFocus === false;
}

/** `ref` as `arxivDigest.openCard`'s argument for a card that takes the keyboard focus (see cardTakesFocus). */
export function takingFocus<T extends object>(ref: T): T & { preserveFocus: false } {
	return { ...ref, preserveFocus: false };
}

export function cardRefFromArgument(arg: unknown): CardRef | undefined {
	if (typeof arg === 'string') return text(arg.trim()) ? { id: arg.trim() } : undefined;
	if (!isRecord(arg)) return undefined;
	if (isRecord(arg.ref)) return plainRef(arg.ref);
	if (arg.kind === 'paper' && isRecord(arg.paper) && text(arg.paper.id)) {
		return { uri: uriText(arg.key), id: arg.paper.id as string, index: indexOf(arg.index) };
	}
	if (isRecord(arg.paper) && text(arg.paper.id) && isRecord(arg.file)) {
		return { uri: uriText(arg.file.uri), id: arg.paper.id as string, index: indexOf(arg.index) };
	}
	return plainRef(arg);
}
