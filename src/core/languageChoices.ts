/**
 * The files the user gave a language by hand (features/language): moved to the digest language
 * (`chosen`) or away from it (`kept`), by URI. Stored in the workspace's state, so a choice holds in
 * the next windows too: VS Code reopens an editor after a reload in the language picked for it, and
 * the extension must not undo it. At most `cap` of each kind, the oldest choices forgotten first.
 */
import { RecentSet } from './recentSet';

/** what toJSON gives, and the constructor reads back */
export interface StoredLanguageChoices {
	kept: string[];
	chosen: string[];
}

export class LanguageChoices {
	private readonly keptSet: RecentSet;
	private readonly chosenSet: RecentSet;

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
	}

	/** the user moved `key` away from the digest language */
	kept(key: string): boolean {
		return this.keptSet.has(key);
	}

	/** the user moved `key` to the digest language */
	chosen(key: string): boolean {
		return this.chosenSet.has(key);
	}

	/** Forgets the choice for `key`: its language is the rules' again; whether what is stored changed. */
	forget(key: string): boolean {
		const kept = this.keptSet.set(key, false);
		return this.chosenSet.set(key, false) || kept;
	}

	/** Records a hand choice for `key`, of the digest language (`digest`) or away from it; whether what is stored changed. */
	choose(key: string, digest: boolean): boolean {
		const moved = (digest ? this.keptSet : this.chosenSet).set(key, false);
		return (digest ? this.chosenSet : this.keptSet).set(key, true) || moved;
	}

	toJSON(): StoredLanguageChoices {
		return { kept: this.keptSet.toJSON(), chosen: this.chosenSet.toJSON() };
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
