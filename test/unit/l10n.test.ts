/**
 * Localisation stays complete: every key of one bundle is in the other (manifest and runtime), every
 * `%key%` of package.json has an English text, and no English text shown to users in src/features
 * bypasses `vscode.l10n.t` (a syntax-tree scan of the places VS Code shows strings, with a self-test).
 */
import * as assert from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { isL10nCall, unlocalised } from './l10n-scan';
import { parseDigest } from '../../src/core/parser';
import { localizedMessage } from '../../src/features/diagnosticText';
import { queryProblemText, searchErrorText } from '../../src/features/search/queryErrorText';
import { parseQuery } from '../../src/core/search/query';
import { papersCount } from '../../src/features/counts';
import { collectionLabel, collectionNameIssueText, envelopeFaultMessage } from '../../src/features/library/labels';
import { parseReadingState } from '../../src/core/library/readingState';
import { collectionNameIssue, collectionNameProblem, emptyLibrary, STARRED } from '../../src/core/library/model';
import type { DiagnosticCode } from '../../src/core/model';
import { filesUnder } from './files-under';

function readJson(path: string): Record<string, unknown> {
	return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}


/** keys in `a` and not in `b` */
function missing(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
	return Object.keys(a).filter((k) => !(k in b));
}

/** Reads an English bundle and its Chinese one; fails when a key is in one and not the other. */
function sameKeys(enPath: string, zhPath: string, atLeast: number): [Record<string, unknown>, Record<string, unknown>] {
	const en = readJson(enPath);
	const zh = readJson(zhPath);
	assert.ok(Object.keys(en).length > atLeast, `${enPath} has the strings`);
	assert.deepStrictEqual(missing(en, zh), [], `in ${enPath}, not in ${zhPath}`);
	assert.deepStrictEqual(missing(zh, en), [], `in ${zhPath}, not in ${enPath}`);
	return [en, zh];
}

describe('localisation', () => {
	describe('the source scan', () => {
		it('flags literal English where VS Code shows text, in every position it knows', () => {
			const bad = [
				"vscode.window.showInformationMessage('No papers here.');",
				"vscode.window.showErrorMessage(`Cannot open ${uri}: ${err}`);",
				"vscode.window.showWarningMessage(vscode.l10n.t('Delete?'), { modal: true }, 'Delete');",
				"item.tooltip = 'Open the card';",
				"view.message = n > 0 ? `Loading ${n}` : 'Loading digests…';",
				"pick.placeholder = 'Search papers';",
				"const o = { title: 'Filter Papers', prompt: vscode.l10n.t('ok') };",
				"const i = new vscode.TreeItem('No digests', vscode.TreeItemCollapsibleState.None);",
				"const d = new vscode.Diagnostic(range, 'TOC total disagrees', sev);",
				"vscode.window.createWebviewPanel('x', 'Paper card', 1, {});",
				"const b = { iconPath: icon, tooltip: 'Open Card' };",
				"const l = { label: 'BibTeX (.bib)', detail: '@misc entries' };",
				"vscode.window.showQuickPick(['Yes', 'No']);",
				"const openLink = 'Open Link'; void vscode.window.showInformationMessage(vscode.l10n.t('No PDF.'), openLink);",
				"item.description = `${n} papers`;",
				"item.label = `$(check) Copied`;",
				"md.appendMarkdown(`${authors}${more ? ' et al.' : ''}\\n\\n`);",
				"tooltip.appendText(`${title} (not in this workspace)`);",
			];
			for (const line of bad) assert.strictEqual(unlocalised('x.ts', line).length > 0, true, `not flagged: ${line}`);
			assert.strictEqual(unlocalised('x.ts', bad[4]).length, 2, 'both branches of a conditional');
		});

		it('lets localised text, names and text without words through', () => {
			const good = [
				"vscode.window.showInformationMessage(vscode.l10n.t('No papers here.'));",
				"vscode.window.showErrorMessage(vscode.l10n.t('Cannot open {0}: {1}', uri, err));",
				"item.tooltip = new vscode.MarkdownString(markdown);",
				'item.description = `${count}`;',
				"item.description = `${a} · ${b}`;",
				"const b = { label: 'PDF', description: paper.id, title: '' };",
				"view.message = undefined;",
				"const o = { command: 'arxivDigest.openCard', when: 'view == x' };",
				"getLog().error('Papers view: scan failed');",
				"if (kind === 'title') copy();",
				"const icon = 'star-full'; const l = { label: `$(${starred ? 'star-full' : 'folder-library'}) ${name}` };",
				"md.appendMarkdown(`**TL;DR** ${escapeMd(tldr)}\\n\\n`);",
				"tooltip.appendText(`${title}\\narXiv:${id}`);",
				"md.appendMarkdown(`[${vscode.l10n.t('Abstract')}](https://arxiv.org/abs/${id})`);",
			];
			for (const line of good) assert.deepStrictEqual(unlocalised('x.ts', line), [], line);
		});
	});

	it('every string shown to users in src/features goes through vscode.l10n.t', () => {
		const files = filesUnder('src/features', ['.ts']);
		assert.ok(files.length > 20, 'src/features has sources');
		const findings = files.flatMap((f) => unlocalised(f, readFileSync(f, 'utf8')));
		assert.deepStrictEqual(findings.map((f) => `${f.file}:${f.line} ${f.text}`), []);
	});

	it('the manifest bundles have the same keys, and package.json uses only keys they define', () => {
		const [en, zh] = sameKeys('package.nls.json', 'package.nls.zh-cn.json', 50);
		const manifest = readFileSync('package.json', 'utf8');
		const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
		assert.deepStrictEqual(used.filter((k) => !(k in en)), [], 'placeholders without a text');
		assert.deepStrictEqual(Object.keys(en).filter((k) => !used.includes(k)), [], 'texts no placeholder uses');
		for (const [k, v] of Object.entries(zh)) assert.ok(typeof v === 'string' && v.trim() !== '', `empty Chinese text for ${k}`);
	});

	it('the manifest has no English left where VS Code shows it', () => {
		const pkg = readJson('package.json') as { contributes: Record<string, unknown> };
		const c = pkg.contributes as {
			commands: { title: string; category: string }[];
			configuration: { title: string; properties: Record<string, Record<string, unknown>> };
			viewsContainers: { activitybar: { title: string }[] };
			views: Record<string, { name: string; contextualTitle?: string }[]>;
			viewsWelcome?: { contents: string }[];
		};
		const texts: string[] = [
			...c.commands.flatMap((x) => [x.title, x.category]),
			c.configuration.title,
			...Object.values(c.configuration.properties).flatMap((p) => [p.description, p.markdownDescription, ...((p.enumDescriptions as string[]) ?? [])].filter((x): x is string => typeof x === 'string')),
			...c.viewsContainers.activitybar.map((x) => x.title),
			...Object.values(c.views).flat().flatMap((v) => [v.name, v.contextualTitle].filter((x): x is string => typeof x === 'string')),
			...(c.viewsWelcome ?? []).map((w) => w.contents),
		];
		assert.ok(texts.length > 60);
		assert.deepStrictEqual(texts.filter((t) => !/^%[^%]+%$/.test(t)), []);
	});

	it('the runtime bundles have the same keys and every l10n.t text of the sources is in them', () => {
		const [en, zh] = sameKeys('l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json', 100);
		for (const [k, v] of Object.entries(zh)) {
			const text = typeof v === 'string' ? v : (v as { message: string }).message;
			assert.ok(text.trim() !== '', `empty Chinese text for ${k}`);
			// {0}, {1}… must survive translation, or the message loses its values
			const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
			assert.strictEqual(holes(text), holes(k), `placeholders of ${JSON.stringify(k)}`);
		}
		// a text added in code without `npm run l10n` afterwards
		const keys = new Set(Object.keys(en));
		const inCode = new Set<string>();
		for (const f of filesUnder('src/features', ['.ts'])) {
			const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
			const visit = (n: ts.Node): void => {
				if (isL10nCall(n)) {
					const a = (n as ts.CallExpression).arguments[0];
					if (a && (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a))) inCode.add(a.text);
				}
				ts.forEachChild(n, visit);
			};
			visit(sf);
		}
		assert.deepStrictEqual([...inCode].filter((k) => !keys.has(k)), [], 'run `npm run l10n`');
	});

	it('the Chinese texts say each term one way (digest 日报, star 收藏, collection 收藏夹, abstract 摘要, summary 总结…)', () => {
		const text = (v: unknown) => (typeof v === 'string' ? v : (v as { message: string }).message);
		/** [term, applies to the English text, the Chinese text must] */
		const rules: [string, RegExp, (zh: string) => boolean][] = [
			['digest', /\bdigests?\b(?<!arXiv Digest)/i, (zh) => /日报/.test(zh)],
			['the product keeps its name', /(?<!an )arXiv Digest\b/, (zh) => zh.includes('arXiv Digest')],
			['star', /\bstar(s|red)?\b/i, (zh) => /收藏/.test(zh) && !/星标/.test(zh)],
			['collection', /\bcollections?\b/i, (zh) => /收藏夹/.test(zh)],
			['summary (not the abstract)', /\bsummar(y|ies)\b/i, (zh) => /总结/.test(zh)],
			['interests', /\binterests?\b/i, (zh) => /兴趣/.test(zh)],
			['card', /\bcards?\b/i, (zh) => /卡片/.test(zh)],
			['tag', /\btags?\b/i, (zh) => /标签/.test(zh)],
			['摘要 is the abstract only', /[\s\S]*/, (zh) => !/摘要/.test(zh)],
		];
		const bad: string[] = [];
		for (const [enPath, zhPath] of [['l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json'], ['package.nls.json', 'package.nls.zh-cn.json']]) {
			const [en, zh] = [readJson(enPath), readJson(zhPath)];
			for (const key of Object.keys(en)) {
				// icons ($(star-full)) and setting ids (#arxivDigest.interests.keywords#) are no words
				const english = text(en[key]).replace(/\$\([a-z-]+\)|`[^`]*`/g, '');
				const chinese = text(zh[key]);
				for (const [term, applies, ok] of rules) {
					if (term.startsWith('摘要') ? !/abstract/i.test(english) && !ok(chinese) : applies.test(english) && !ok(chinese)) bad.push(`${term}: ${english} → ${chinese}`);
				}
			}
		}
		assert.deepStrictEqual(bad, []);
	});

	describe('search query errors', () => {
		/** fills a bundle's text for the key, as vscode.l10n.t does */
		const translator = (bundle: Record<string, unknown>) => ({
			t: (message: string, ...args: Array<string | number | boolean>) =>
				String(bundle[message] ?? message).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
		});
		const wrong = ['foo:bar', 'cat:', 'author:"-"', 'day:2026-13', 'after:yesterday', '-after:2026-01', '-before:2026-01', 'C++'];

		it('every problem has a text in the reader\'s language: English as the core writes it, Chinese from the bundle', () => {
			const en = translator({});
			const zh = translator(readJson('l10n/bundle.l10n.zh-cn.json'));
			const kinds = new Set<string>();
			for (const query of wrong) {
				const parsed = parseQuery(query);
				assert.ok(!parsed.ok, query);
				kinds.add(parsed.problem.kind);
				assert.strictEqual(queryProblemText(parsed.problem, en), parsed.error, query);
				const chinese = queryProblemText(parsed.problem, zh);
				assert.ok(/[\u4e00-\u9fff]/.test(chinese) && !/\b(needs|Unknown|use|instead|not a date)\b/.test(chinese), `${query} → ${chinese}`);
			}
			assert.deepStrictEqual([...kinds].sort(), ['needs-name', 'needs-value', 'negated-range', 'no-words', 'not-a-date', 'unknown-filter']);
			assert.strictEqual(queryProblemText({ kind: 'unknown-filter', filter: 'foo', known: 'cat: author:' }, zh), '未知的筛选条件“foo:”。可用的有 cat: author:');
		});

		it('an error the index answered is rewritten when the query is wrong, kept when the index failed', () => {
			const zh = translator(readJson('l10n/bundle.l10n.zh-cn.json'));
			assert.strictEqual(searchErrorText('foo:bar', 'Unknown filter "foo:". Use one of …', zh), queryProblemText({ kind: 'unknown-filter', filter: 'foo', known: 'cat: author: id: day: after: before: is: has: tag:' }, zh));
			assert.strictEqual(searchErrorText('diffusion', 'the index worker was not initialised', zh), 'the index worker was not initialised');
		});
	});

	describe('the library\'s words', () => {
		const zh = readJson('l10n/bundle.l10n.zh-cn.json');
		const t = (bundle: Record<string, unknown>) => ({
			t: (message: string, ...args: Array<string | number | boolean>) => String(bundle[message] ?? message).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
		});

		it('the star buttons\' collection is shown with the card\'s word for Starred; the reader\'s collections keep their names', () => {
			assert.strictEqual(collectionLabel(STARRED, t(zh)), '已收藏');
			assert.strictEqual(collectionLabel(STARRED, t({})), 'Starred');
			assert.strictEqual(collectionLabel('Robotics', t(zh)), 'Robotics');
		});

		it('a refused collection name says why in the reader\'s language (English as the core writes it)', () => {
			const library = emptyLibrary();
			for (const name of ['  ', 'x'.repeat(81), 'starred', 'your notes']) {
				const issue = collectionNameIssue(library, name);
				assert.ok(issue, name);
				assert.strictEqual(collectionNameIssueText(issue, t({})), collectionNameProblem(library, name));
				assert.match(collectionNameIssueText(issue, t(zh)), /收藏夹/);
			}
			assert.strictEqual(collectionNameIssueText({ kind: 'taken', name: STARRED }, t(zh)), '已有名为“已收藏”的收藏夹。');
			assert.strictEqual(collectionNameIssue(library, 'Robotics'), undefined);
			// the view's notes group, also as the reader's language names it
			assert.deepStrictEqual(collectionNameIssue(library, ' 你的笔记 ', undefined, ['Your notes', '你的笔记']), { kind: 'reserved', name: '你的笔记' });
		});

		it('why a file is no reading state, in the reader\'s language (English as the core writes it)', () => {
			const files = ['{not json', '[1,2]', '{"stars":[]}', '{"format":"arxiv-digest/reading-state"}', '{"format":"arxiv-digest/reading-state","version":9,"parts":{}}', '{"format":"arxiv-digest/reading-state","version":1,"parts":[]}'];
			const kinds: string[] = [];
			for (const text of files) {
				const parsed = parseReadingState(text);
				assert.ok(!parsed.ok, text);
				kinds.push(parsed.fault.kind);
				assert.strictEqual(envelopeFaultMessage(parsed.fault, t({})), parsed.reason);
				const chinese = envelopeFaultMessage(parsed.fault, t(zh));
				assert.ok(/[\u4e00-\u9fff]/.test(chinese) && !/\b(it|is|not|has|was|written|missing)\b/.test(chinese), `${text} → ${chinese}`);
			}
			assert.deepStrictEqual(kinds, ['json', 'object', 'marker', 'version', 'newer', 'parts']);
			assert.strictEqual(envelopeFaultMessage({ kind: 'newer', detail: 9 }, t(zh)), '它由更新版本的 arXiv Digest 以格式 9 写成');
		});
	});

	it('a count of papers is English singular for one, and Chinese takes it whole', () => {
		const fill = (bundle: Record<string, unknown>) => ({
			t: (message: string, ...args: Array<string | number | boolean>) => String(bundle[message] ?? message).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
		});
		const en = fill({});
		const zh = fill(readJson('l10n/bundle.l10n.zh-cn.json'));
		assert.deepStrictEqual([0, 1, 2].map((n) => papersCount(n, en)), ['0 papers', '1 paper', '2 papers']);
		assert.deepStrictEqual([1, 2].map((n) => papersCount(n, zh)), ['1 篇论文', '2 篇论文']);
		assert.strictEqual(zh.t('Exported {0} to {1}', papersCount(1, zh), 'a.bib'), '已将 1 篇论文导出到 a.bib');
	});

	describe('parser diagnostics in the Problems view', () => {
		/** returns the key with its values filled in, so the test sees which text was chosen */
		const echo = { t: (message: string, ...args: Array<string | number | boolean>) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

		it('every message the parser writes on the fixtures has a localised text, with its values', () => {
			const dirs = ['test/fixtures/variants', 'test/fixtures/e2e', 'test/fixtures/search', ...readdirSync('test/fixtures/real').map((d) => join('test/fixtures/real', d))];
			const seen = new Set<DiagnosticCode>();
			const unknown: string[] = [];
			for (const dir of dirs) {
				if (!statSync(dir).isDirectory()) continue;
				for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
					for (const d of parseDigest(readFileSync(join(dir, name), 'utf8'), join(dir, name)).diagnostics) {
						seen.add(d.code);
						const text = localizedMessage(d, echo);
						// with the English bundle the text must come back exactly as the parser wrote it
						if (text !== d.message) unknown.push(`${d.code}: ${d.message} → ${text}`);
					}
				}
			}
			assert.deepStrictEqual(unknown, []);
			assert.ok(seen.size >= 8, `the fixtures raise most codes (${[...seen].join(', ')})`);
		});

		it('messages no fixture raises are known too, and an unknown one stays English', () => {
			const cases: [DiagnosticCode, string][] = [
				['binary-content', 'This file looks binary or is not UTF-8 (NUL bytes); only what could be read was parsed.'],
				['binary-content', 'This file looks binary or is not UTF-8 (3 undecodable characters); only what could be read was parsed.'],
				['truncated', 'The file seems truncated: the last paper ends inside <details>.'],
				['truncated', 'The file seems truncated: the last paper has no abstract while every other paper has one.'],
				['truncated', 'The file seems truncated: the last paper has no TL;DR while every other paper has one.'],
				['no-papers', 'No papers in this digest.'],
				['unplaced-text', 'The digest could not be parsed: boom'],
			];
			for (const [code, message] of cases) assert.strictEqual(localizedMessage({ code, message }, echo), message);
			assert.strictEqual(localizedMessage({ code: 'no-papers', message: 'Something new.' }, echo), undefined);
			const zh = { t: (m: string, ...a: Array<string | number | boolean>) => (m === 'Paper {0} is listed again in this file (first on line {1}).' ? `论文 ${a[0]} 在本文件中重复出现（首次出现在第 ${a[1]} 行）。` : m) };
			assert.strictEqual(localizedMessage({ code: 'duplicate-id', message: 'Paper 2602.1 is listed again in this file (first on line 12).' }, zh), '论文 2602.1 在本文件中重复出现（首次出现在第 12 行）。');
			// the missing field is named in the reader's language too, not as the parser's English key
			const zhBundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
			const zhT = { t: (m: string, ...a: Array<string | number | boolean>) => (zhBundle[m] ?? m).replace(/\{(\d+)\}/g, (_, k: string) => String(a[Number(k)])) };
			assert.strictEqual(localizedMessage({ code: 'truncated', message: 'The file seems truncated: the last paper has no abstract while every other paper has one.' }, zhT), zhBundle['The file seems truncated: the last paper has no {0} while every other paper has one.'].replace('{0}', '摘要'));
		});
	});
});
