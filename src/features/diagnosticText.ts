/**
 * Parser diagnostics in the reader's language. The parser (src/core) writes English messages; here
 * each message is recognised by its code and its English form, and rewritten with `l10n.t`. A message
 * this table does not know (a new one in core) stays English; test/unit/l10n.test.ts parses every
 * fixture and fails on such a message.
 *
 * Imports only vscode's types so the unit tests can run it: the caller passes `vscode.l10n`. (The
 * type import also tells `npm run l10n` that the `l10n.t` calls below are vscode's.)
 */
import type { l10n } from 'vscode';
import type { DiagnosticCode, DigestDiagnostic } from '../core/model';

/** what is used of `vscode.l10n` (assignable from it) */
export interface L10n {
	t(message: string, ...args: Array<string | number | boolean>): string;
}
/** vscode's own satisfies L10n; a compile-time check that the two stay compatible */
export type VscodeL10n = typeof l10n extends L10n ? typeof l10n : never;

type Rule = [RegExp, (l10n: L10n, m: RegExpExecArray) => string];

/** A summary field's key as the parser's message names it (`abstract`), in the reader's language (摘要). */
function fieldName(key: string, l10n: L10n): string {
	switch (key) {
		case 'abstract':
			return l10n.t('abstract');
		case 'conclusion':
			return l10n.t('conclusion');
		case 'result':
			return l10n.t('result');
		case 'method':
			return l10n.t('method');
		case 'motivation':
			return l10n.t('motivation');
		default:
			return key;
	}
}

const RULES: Partial<Record<DiagnosticCode, Rule[]>> = {
	'toc-total-mismatch': [
		[/^The table of contents claims (\d+) papers in (.*), the section has (\d+)\.$/s, (l10n, m) => l10n.t('The table of contents claims {0} papers in {1}, the section has {2}.', m[1], m[2], m[3])],
		[/^The heading claims (\d+) papers, the section has (\d+)\.$/, (l10n, m) => l10n.t('The heading claims {0} papers, the section has {1}.', m[1], m[2])],
	],
	'toc-missing-category': [
		[/^The table of contents lists "(.*)" but there is no such section\.$/s, (l10n, m) => l10n.t('The table of contents lists "{0}" but there is no such section.', m[1])],
		[/^Section "(.*)" is not in the table of contents\.$/s, (l10n, m) => l10n.t('Section "{0}" is not in the table of contents.', m[1])],
	],
	'duplicate-id': [[/^Paper (.*) is listed again in this file \(first on line (\d+)\)\.$/s, (l10n, m) => l10n.t('Paper {0} is listed again in this file (first on line {1}).', m[1], m[2])]],
	'missing-link': [[/^This paper has no link: its id is derived from the title\.$/, (l10n) => l10n.t('This paper has no link: its id is derived from the title.')]],
	'missing-title': [[/^This paper has no title: it is shown by its id\.$/, (l10n) => l10n.t('This paper has no title: it is shown by its id.')]],
	'bad-arxiv-link': [[/^The link (.*) holds no arXiv id: the paper's id is the whole link\.$/s, (l10n, m) => l10n.t("The link {0} holds no arXiv id: the paper's id is the whole link.", m[1])]],
	'unterminated-details': [[/^<details> is never closed with <\/details>\.$/, (l10n) => l10n.t('<details> is never closed with </details>.')]],
	'unknown-label': [[/^Unknown label "(.*)" \(kept as an extra field\)\.$/s, (l10n, m) => l10n.t('Unknown label "{0}" (kept as an extra field).', m[1])]],
	'unplaced-text': [
		[/^Text the parser could not place \(kept as a note of the paper\)\.$/, (l10n) => l10n.t('Text the parser could not place (kept as a note of the paper).')],
		[/^Text the parser could not place \(outside any paper\)\.$/, (l10n) => l10n.t('Text the parser could not place (outside any paper).')],
		[/^The digest could not be parsed: (.*)$/s, (l10n, m) => l10n.t('The digest could not be parsed: {0}', m[1])],
	],
	'empty-field': [[/^"(.*)" is empty\.$/s, (l10n, m) => l10n.t('"{0}" is empty.', m[1])]],
	placeholder: [[/^"(.*)" holds the placeholder "(.*)": left empty\.$/s, (l10n, m) => l10n.t('"{0}" holds the placeholder "{1}": left empty.', m[1], m[2])]],
	'binary-content': [
		[/^This file looks binary or is not UTF-8 \(NUL bytes\); only what could be read was parsed\.$/, (l10n) => l10n.t('This file looks binary or is not UTF-8 (NUL bytes); only what could be read was parsed.')],
		[/^This file looks binary or is not UTF-8 \((\d+) undecodable characters\); only what could be read was parsed\.$/, (l10n, m) => l10n.t('This file looks binary or is not UTF-8 ({0} undecodable characters); only what could be read was parsed.', m[1])],
	],
	truncated: [
		[/^The file seems truncated: the last paper ends inside <details>\.$/, (l10n) => l10n.t('The file seems truncated: the last paper ends inside <details>.')],
		[/^The file seems truncated: the last paper has no (\w+|TL;DR) while every other paper has one\.$/, (l10n, m) => l10n.t('The file seems truncated: the last paper has no {0} while every other paper has one.', fieldName(m[1], l10n))],
	],
	'merge-conflict': [
		[/^Unresolved merge conflict \(lines (\d+)–(\d+)\): resolve it in Git; the papers in it may be listed twice\.$/, (l10n, m) => l10n.t('Unresolved merge conflict (lines {0}–{1}): resolve it in Git; the papers in it may be listed twice.', m[1], m[2])],
	],
	'no-papers': [[/^No papers in this digest\.$/, (l10n) => l10n.t('No papers in this digest.')]],
	'unclosed-fence': [[/^This code block is never closed: it ends with its paper\.$/, (l10n) => l10n.t('This code block is never closed: it ends with its paper.')]],
};

/** The diagnostic's message in the reader's language, or undefined when the table does not know it. */
export function localizedMessage(d: Pick<DigestDiagnostic, 'code' | 'message'>, l10n: L10n): string | undefined {
	for (const [re, text] of RULES[d.code] ?? []) {
		const m = re.exec(d.message);
		if (m) return text(l10n, m);
	}
	return undefined;
}
