/**
 * The files the user gave a language by hand (features/language): moved to the digest language
 * (`chosen`) or away from it (`kept`), by URI. Stored in the workspace's state, so a choice holds in
 * the next windows too: VS Code reopens an editor after a reload in the language picked for it, and
 * the extension must not undo it. A file kept out of the digest language keeps the language picked
 * for it (Plain Text), which the extension gives it back when it would open in another. At most `cap`
 * of each kind, the oldest choices forgotten first.
 */
import { RecentSet } from './recentSet';

/** what toJSON gives, and the constructor reads back */
export interface StoredLanguageChoices {
	kept: string[];
	chosen: string[];
	/** the language picked for a kept URI (an older store has none: Markdown is taken) */
	keptAs: Record<string, string>;
}

export class LanguageChoices {
	private readonly keptSet: RecentSet;
	private readonly chosenSet: RecentSet;
	/** the language picked for each kept URI */
	private readonly keptAs = new Map<string, string>();

	/** `stored`: what toJSON gave, as read back from storage (anything else is taken for no choices) */
	constructor(stored: unknown, cap: number) {
		const value = typeof stored === 'object' && stored !== null ? (stored as Partial<Record<keyof StoredLanguageChoices, unknown>>) : {};
		this.keptSet = new RecentSet(value.kept, cap);
		this.chosenSet = new RecentSet(value.chosen, cap);
		// a URI in both (a hand-edited store): the choice is unclear, so neither holds
		for (const key of this.keptSet.toJSON()) {
			if (this.chosenSet.has(key)) {
				this.keptSet.set(key, false);
				this.chosenSet.set(key, false);
			}
		}
		const keptAs = typeof value.keptAs === 'object' && value.keptAs !== null ? (value.keptAs as Record<string, unknown>) : {};
		for (const key of this.keptSet.toJSON()) {
			const language = keptAs[key];
			if (typeof language === 'string' && language !== '') this.keptAs.set(key, language);
		}
	}

	/** the user moved `key` away from the digest language */
	kept(key: string): boolean {
		return this.keptSet.has(key);
	}

	/** the language the user picked for a kept `key`, when known (a store of an older version has none) */
	keptLanguage(key: string): string | undefined {
		return this.keptSet.has(key) ? this.keptAs.get(key) : undefined;
	}

	/** the user moved `key` to the digest language */
	chosen(key: string): boolean {
		return this.chosenSet.has(key);
	}

	/** Forgets the choice for `key`: its language is the rules' again; whether what is stored changed. */
	forget(key: string): boolean {
		this.keptAs.delete(key);
		const kept = this.keptSet.set(key, false);
		return this.chosenSet.set(key, false) || kept;
	}

	/** Records that the user moved `key` to the digest language; whether what is stored changed. */
	choose(key: string): boolean {
		this.keptAs.delete(key);
		const moved = this.keptSet.set(key, false);
		return this.chosenSet.set(key, true) || moved;
	}

	/** Records that the user moved `key` away from the digest language, to `language`; whether what is stored changed. */
	keep(key: string, language: string): boolean {
		const moved = this.chosenSet.set(key, false);
		const added = this.keptSet.set(key, true);
		const renamed = this.keptAs.get(key) !== language;
		this.keptAs.set(key, language);
		// the URIs the cap dropped from the kept set
		if (added) for (const kept of this.keptAs.keys()) if (!this.keptSet.has(kept)) this.keptAs.delete(kept);
		return added || moved || renamed;
	}

	toJSON(): StoredLanguageChoices {
		const kept = this.keptSet.toJSON();
		const keptAs: Record<string, string> = {};
		for (const key of kept) {
			const language = this.keptAs.get(key);
			if (language !== undefined) keptAs[key] = language;
		}
		return { kept, chosen: this.chosenSet.toJSON(), keptAs };
	}
}

/**
 * What a language change the extension did not make means for a file, now in `language`: a hand
 * choice of the digest language (`chosen`) or away from it (`kept`), or `automatic` when the rules
 * give that language anyway. The rules: the languages the user's `files.associations` give the file
 * (`associated`: VS Code applies them again itself when they change, reported as such a change),
 * else the digest language for a digest (`digestByRules`: arxivDigest.files / arxivDigest.detect) and
 * any other for the rest. Picking the language the rules give is how a reader goes back to them.
 */
export function handChoice(language: string, digestLanguage: string, associated: ReadonlySet<string>, digestByRules: boolean): 'chosen' | 'kept' | 'automatic' {
	if (associated.has(language)) return 'automatic';
	if (language === digestLanguage) return digestByRules ? 'automatic' : 'chosen';
	return digestByRules ? 'kept' : 'automatic';
}
