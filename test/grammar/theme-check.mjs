// Renders the seeds, the variant fixtures and the grammar fixtures through vscode-textmate with the token rules of
// VS Code's default Dark+ and Light+ themes, and checks that every digest construct gets a
// visible, distinct style in both, while summary prose keeps the plain text colour.
// The rules below are the subset of dark_vs/dark_plus and light_vs/light_plus
// (microsoft/vscode extensions/theme-defaults) whose selectors this grammar's scopes can hit.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const THEMES = {
	'Dark+': {
		background: '#1E1E1E', foreground: '#D4D4D4',
		rules: [
			['comment', '#6A9955'], ['constant.numeric', '#B5CEA8'], ['constant.language', '#569CD6'],
			['entity.name.tag', '#569CD6'], ['entity.other.attribute-name', '#9CDCFE'],
			['markup.underline', null, 'underline'], ['markup.bold', '#569CD6', 'bold'],
			['markup.heading', '#569CD6', 'bold'], ['markup.italic', null, 'italic'],
			['punctuation.definition.tag', '#808080'], ['string', '#CE9178'],
			['support.type.property-name', '#9CDCFE'], ['keyword', '#569CD6'], ['keyword.operator', '#D4D4D4'],
			['entity.name.function', '#DCDCAA'], ['support.function', '#DCDCAA'],
			['support.type', '#4EC9B0'], ['entity.name.type', '#4EC9B0'], ['variable', '#9CDCFE'],
		],
	},
	'Light+': {
		background: '#FFFFFF', foreground: '#000000',
		rules: [
			['comment', '#008000'], ['constant.numeric', '#098658'], ['constant.language', '#0000FF'],
			['entity.name.tag', '#800000'], ['entity.other.attribute-name', '#FF0000'],
			['markup.underline', null, 'underline'], ['markup.bold', '#000080', 'bold'],
			['markup.heading', '#800000', 'bold'], ['markup.italic', null, 'italic'],
			['punctuation.definition.tag', '#800000'], ['string', '#A31515'],
			['support.type.property-name', '#FF0000'], ['keyword', '#0000FF'], ['keyword.operator', '#000000'],
			['entity.name.function', '#795E26'], ['support.function', '#795E26'],
			['support.type', '#267F99'], ['entity.name.type', '#267F99'], ['variable', '#001080'],
		],
	},
};

const FONT = { italic: 1, bold: 2, underline: 4 };
const ASSERTION_LINE = /^<!--\s+(?:\^|<~*-)|SYNTAX TEST/;

function sources() {
	const seeds = readdirSync('test/fixtures/seeds').map((f) => join('test/fixtures/seeds', f));
	const variants = existsSync('test/fixtures/variants')
		? readdirSync('test/fixtures/variants').filter((f) => f.endsWith('.md')).map((f) => join('test/fixtures/variants', f))
		: [];
	const fixtures = readdirSync('test/grammar').filter((f) => f.endsWith('.test.digest')).map((f) => join('test/grammar', f));
	return [...seeds, ...variants, ...fixtures].map((path) => ({
		path,
		lines: readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => !ASSERTION_LINE.test(l)),
	}));
}

function luminance(hex) {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
		.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
	return (x + 0.05) / (y + 0.05);
}

async function render(themeName, files) {
	const theme = THEMES[themeName];
	const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
	await oniguruma.loadWASM(wasm);
	const registry = new textmate.Registry({
		onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
		loadGrammar: async (scope) => (scope === 'text.arxiv-digest'
			? textmate.parseRawGrammar(readFileSync('syntaxes/arxiv-digest.tmLanguage.json', 'utf8'), 'grammar.json')
			: null),
	});
	registry.setTheme({
		settings: [
			{ settings: { foreground: theme.foreground, background: theme.background } },
			...theme.rules.map(([scope, foreground, fontStyle]) => ({ scope, settings: { ...(foreground ? { foreground } : {}), ...(fontStyle ? { fontStyle } : {}) } })),
		],
	});
	const grammar = await registry.loadGrammar('text.arxiv-digest');
	const colors = registry.getColorMap();
	const tokens = [];
	for (const { path, lines } of files) {
		let scoped = textmate.INITIAL;
		let styled = textmate.INITIAL;
		lines.forEach((line, i) => {
			const withScopes = grammar.tokenizeLine(line, scoped);
			const withStyle = grammar.tokenizeLine2(line, styled);
			scoped = withScopes.ruleStack;
			styled = withStyle.ruleStack;
			for (const t of withScopes.tokens) {
				let meta = 0;
				for (let k = 0; k < withStyle.tokens.length; k += 2) if (withStyle.tokens[k] <= t.startIndex) meta = withStyle.tokens[k + 1];
				tokens.push({
					where: `${path}:${i + 1}`, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes,
					foreground: colors[(meta >>> 15) & 0x1ff].toUpperCase(), fontStyle: (meta >>> 11) & 0xf,
				});
			}
		});
	}
	return { theme, tokens };
}

const files = sources();
let checks = 0;
for (const themeName of Object.keys(THEMES)) {
	const { theme, tokens } = await render(themeName, files);
	const plain = theme.foreground.toUpperCase();
	const comment = theme.rules.find(([s]) => s === 'comment')[1];
	const leaf = (t) => t.scopes[t.scopes.length - 1];
	const having = (prefix, filter = () => true) => {
		const found = tokens.filter((t) => leaf(t).startsWith(prefix) && t.text.trim() && filter(t));
		assert.ok(found.length > 0, `${themeName}: no token scoped ${prefix}`);
		return found;
	};
	const expect = (prefix, predicate, why, filter) => {
		for (const t of having(prefix, filter)) {
			assert.ok(predicate(t), `${themeName}: ${why}: "${t.text}" at ${t.where} (${t.scopes.join(' ')}) → ${t.foreground} style ${t.fontStyle}`);
			checks++;
		}
	};
	const coloured = (t) => t.foreground !== plain;
	const headingColour = having('entity.name.section')[0].foreground;

	expect('entity.name.section', (t) => t.fontStyle & FONT.bold && coloured(t), 'headings and titles are bold and coloured');
	expect('constant.numeric.paper-number', (t) => coloured(t) && t.foreground !== headingColour, 'paper numbers stand out from the title');
	expect('constant.numeric.arxiv-id', coloured, 'arXiv ids are coloured');
	expect('constant.numeric.total', coloured, 'TOC totals are coloured');
	expect('entity.name.type.category', (t) => coloured(t) && t.foreground !== headingColour, 'categories differ from heading text');
	expect('support.type.property-name.label', coloured, 'labels are coloured');
	expect('markup.underline.link', (t) => t.fontStyle & FONT.underline, 'links are underlined');
	expect('string.other.authors', (t) => coloured(t) && t.fontStyle & FONT.italic, 'authors are coloured italics');
	expect('entity.name.tag', coloured, 'HTML tags are coloured');
	expect('punctuation.definition.tag', coloured, 'tag brackets are coloured');
	expect('comment.', (t) => t.foreground === comment.toUpperCase(), 'back-links, separators and comments look like comments');
	expect('markup.underline.link.anchor', (t) => t.foreground === comment.toUpperCase(), 'in-page back-links are muted', (t) => t.scopes.some((s) => s.startsWith('comment.')));
	expect('string.other.math', coloured, 'math is coloured');
	expect('support.function.math', coloured, 'TeX commands are coloured');
	expect('meta.field.value', (t) => t.foreground === plain && !(t.fontStyle & FONT.bold), 'summary prose keeps the plain text style');
	expect('markup.bold', (t) => t.fontStyle & FONT.bold, 'bold text is bold');

	for (const t of tokens) {
		if (!coloured(t) || !t.text.trim()) continue;
		const ratio = contrast(t.foreground, theme.background);
		assert.ok(ratio >= 3, `${themeName}: "${t.text}" at ${t.where} has contrast ${ratio.toFixed(2)} < 3`);
		checks++;
	}
}
console.log(`theme check: ${checks} token styles verified in Dark+ and Light+ over ${files.length} files`);
