/**
 * A query's problem in the reader's language. The parser (src/core/search/query) writes English for
 * the CLI and the index's replies; the editor says it with `l10n.t` from the problem's kind and values.
 *
 * Imports only vscode's types so the unit tests can run it: the caller passes `vscode.l10n`. (The type
 * import tells `npm run l10n` that the `l10n.t` calls below are vscode's.)
 */
import type { l10n } from 'vscode';
import { parseQuery, type QueryProblem } from '../../core/search/query';
import type { L10n } from '../diagnosticText';

/** `vscode.l10n`, or a stand-in with its `t` (the tests) */
type Translator = L10n | typeof l10n;

export function queryProblemText(problem: QueryProblem, l10n: Translator): string {
	switch (problem.kind) {
		case 'unknown-filter':
			return l10n.t('Unknown filter "{0}:". Use one of {1}', problem.filter, problem.known);
		case 'needs-value':
			return l10n.t('"{0}:" needs a value, e.g. {1}', problem.filter, problem.example);
		case 'needs-name':
			return l10n.t('"author:" needs a name, e.g. {0}', problem.example);
		case 'not-a-date':
			return l10n.t('"{0}" is not a date: use YYYY-MM-DD, YYYY-MM or YYYY', problem.token);
		case 'negated-range':
			return l10n.t('"-{0}:" is not supported: use {1} instead', problem.filter, problem.instead);
		case 'empty-range':
			return l10n.t('No day is after:{0} and before:{1}: the range ends before it starts', problem.after, problem.before);
		case 'no-words':
			return l10n.t('No words to search for: single letters and symbols are not indexed.');
	}
}

/**
 * The text of an error the index answered for `query`: when the query itself is wrong, the editor's
 * own parse says so in the reader's language; any other error (the index failed) stays as written.
 */
export function searchErrorText(query: string, error: string, l10n: Translator): string {
	const parsed = parseQuery(query);
	return parsed.ok ? error : queryProblemText(parsed.problem, l10n);
}
