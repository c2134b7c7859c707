/**
 * The card's words in the reader's display language (the renderer in core/card/render keeps English
 * as its default). Built once: the display language only changes with a window reload.
 */
import * as vscode from 'vscode';
import type { CardStrings } from '../../core/card/render';
import type { SimilarStrings } from '../../core/card/similar';
import { listText } from '../counts';
import { wordsLanguage } from '../vsc-utils';

let strings: CardStrings | undefined;

export function cardStrings(): CardStrings {
	return (strings ??= {
		motivation: vscode.l10n.t('Motivation'),
		method: vscode.l10n.t('Method'),
		result: vscode.l10n.t('Result'),
		conclusion: vscode.l10n.t('Conclusion'),
		abstract: vscode.l10n.t('Abstract'),
		abstractTranslated: vscode.l10n.t('Abstract (translation)'),
		abstractTranslation: vscode.l10n.t('Abstract translation'),
		otherText: vscode.l10n.t('Other text in the digest'),
		tldr: vscode.l10n.t('TL;DR'),
		empty: vscode.l10n.t('The digest has no summary or abstract for this paper.'),
		authorsUnknown: vscode.l10n.t('Authors not listed'),
		authors: vscode.l10n.t('Authors'),
		searchAuthor: (name) => vscode.l10n.t('Search papers by {0}', name),
		moreAuthors: (hidden) => vscode.l10n.t('… and {0} more', hidden.toLocaleString(vscode.env.language)),
		showAllAuthors: (total) => vscode.l10n.t('Show all {0} authors', total.toLocaleString(vscode.env.language)),
		mainCategory: vscode.l10n.t('Main category'),
		listedUnder: vscode.l10n.t('Listed under'),
		category: vscode.l10n.t('Category'),
		listedIn: vscode.l10n.t('Listed in'),
		shownFrom: vscode.l10n.t('shown from this digest'),
		inThisDigest: vscode.l10n.t('In this digest'),
		position: (n, total) => vscode.l10n.t('{0} of {1}', n, total),
		positionIn: (n, total, digest) => vscode.l10n.t('{0} of {1} in {2}', n, total, digest),
		numbered: (n) => vscode.l10n.t(' (numbered [{0}])', n),
		abstractPage: vscode.l10n.t('Abstract page'),
		openLink: vscode.l10n.t('Open link'),
		copyLink: vscode.l10n.t('Copy Link'),
		copyTitle: vscode.l10n.t('Copy Title'),
		copyBibtex: vscode.l10n.t('Copy BibTeX'),
		open: vscode.l10n.t('Open'),
		copy: vscode.l10n.t('Copy'),
		navigation: vscode.l10n.t('Paper navigation'),
		previous: vscode.l10n.t('Previous'),
		previousTitle: vscode.l10n.t('Previous paper in this digest (←)'),
		next: vscode.l10n.t('Next'),
		nextTitle: vscode.l10n.t('Next paper in this digest (→)'),
		previousDigestTitle: (digest) => vscode.l10n.t('The last paper of {0} (←)', digest),
		nextDigestTitle: (digest) => vscode.l10n.t('The first paper of {0} (→)', digest),
		random: vscode.l10n.t('Random'),
		randomTitle: vscode.l10n.t('A random paper from the workspace'),
		revealSource: vscode.l10n.t('Reveal in Source'),
		revealSourceTitle: (file) => vscode.l10n.t('Open {0} at this paper', file),
		starred: vscode.l10n.t('Starred'),
		star: vscode.l10n.t('Star'),
		unstarTitle: vscode.l10n.t('Remove from Starred (S)'),
		starTitle: vscode.l10n.t('Add to Starred (S)'),
		collections: vscode.l10n.t('Collections'),
		tags: vscode.l10n.t('Tags'),
		none: vscode.l10n.t('none'),
		addToCollection: vscode.l10n.t('Add to Collection…'),
		addToCollectionTitle: vscode.l10n.t('Add this paper to a collection'),
		editTags: vscode.l10n.t('Edit Tags…'),
		editTagsTitle: vscode.l10n.t('Tags, searchable with tag:name'),
		noteLabel: vscode.l10n.t('Your note (Markdown)'),
		notePlaceholder: vscode.l10n.t('Your note on this paper (Markdown; searchable; saved as you type)'),
		saveNote: vscode.l10n.t('Save Note'),
		saveNoteTitle: vscode.l10n.t('Save the note now (Ctrl+Enter); with the box empty, delete it'),
		noteUnsaved: vscode.l10n.t('Not saved yet'),
		noteSaved: vscode.l10n.t('Saved'),
		noteEmpty: vscode.l10n.t('The box is empty: the note is kept until you press Save Note, which deletes it.'),
		noteConflict: vscode.l10n.t('Not saved: this note was changed elsewhere meanwhile. Save Note replaces it with yours.'),
		noteTooLong: (max) => vscode.l10n.t('Not saved: a note has at most {0} characters.', max.toLocaleString(vscode.env.language)),
		yourLibrary: vscode.l10n.t('Your library'),
		yourNote: vscode.l10n.t('Your note'),
		interestsMatch: (list) => vscode.l10n.t('Matches your interests: {0}', list),
		interestsExcluded: (term) => vscode.l10n.t('Excluded by your interests: {0}', term),
		interestsOtherwise: (list) => vscode.l10n.t('It would match otherwise: {0}', list),
		interestKeyword: vscode.l10n.t('keyword'),
		interestAuthor: vscode.l10n.t('author'),
		interestCategory: vscode.l10n.t('category'),
		interestSeparator: vscode.l10n.t(', '),
		lang: wordsLanguage(),
		documentTitle: vscode.l10n.t('arXiv Digest paper card'),
		loading: vscode.l10n.t('Loading paper…'),
	});
}

let similar: SimilarStrings | undefined;

/** The "Similar papers" section's words. */
export function similarStrings(): SimilarStrings {
	return (similar ??= {
		heading: vscode.l10n.t('Similar papers'),
		loading: vscode.l10n.t('Finding similar papers…'),
		none: vscode.l10n.t('No paper in this workspace is close to this one.'),
		open: (title) => vscode.l10n.t('{0}: open its card', title),
		inCommon: (words) => vscode.l10n.t('In common: {0}', listText(words, vscode.l10n, 'list')),
		score: (score) => vscode.l10n.t('Cosine similarity (TF-IDF of title and abstract): {0}', score.toFixed(2)),
	});
}
