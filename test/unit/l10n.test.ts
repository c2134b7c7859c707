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

function readJson(path: string): Record<string, unknown> {
	return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
	});
}

/** keys in `a` and not in `b` */
function missing(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
	return Object.keys(a).filter((k) => !(k in b));
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
			];
			for (const line of good) assert.deepStrictEqual(unlocalised('x.ts', line), [], line);
		});
	});

	it('every string shown to users in src/features goes through vscode.l10n.t', () => {
		const files = tsFiles('src/features');
		assert.ok(files.length > 20, 'src/features has sources');
		const findings = files.flatMap((f) => unlocalised(f, readFileSync(f, 'utf8')));
		assert.deepStrictEqual(findings.map((f) => `${f.file}:${f.line} ${f.text}`), []);
	});

	it('the manifest bundles have the same keys, and package.json uses only keys they define', () => {
		const en = readJson('package.nls.json');
		const zh = readJson('package.nls.zh-cn.json');
		assert.ok(Object.keys(en).length > 50, 'package.nls.json has the manifest strings');
		assert.deepStrictEqual(missing(en, zh), [], 'in package.nls.json, not in package.nls.zh-cn.json');
		assert.deepStrictEqual(missing(zh, en), [], 'in package.nls.zh-cn.json, not in package.nls.json');
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
		const en = readJson('l10n/bundle.l10n.json');
		const zh = readJson('l10n/bundle.l10n.zh-cn.json');
		assert.ok(Object.keys(en).length > 100, 'bundle.l10n.json has the runtime strings');
		assert.deepStrictEqual(missing(en, zh), [], 'in bundle.l10n.json, not in bundle.l10n.zh-cn.json');
		assert.deepStrictEqual(missing(zh, en), [], 'in bundle.l10n.zh-cn.json, not in bundle.l10n.json');
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
		for (const f of tsFiles('src/features')) {
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
});
