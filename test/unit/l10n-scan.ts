/**
 * The scan behind the localisation test: user-visible positions in src/features whose value is (or
 * contains) a literal with words in it, outside `vscode.l10n.t`. Run it alone to list the sites:
 * `npx esbuild test/unit/l10n-scan.ts --bundle --platform=node --packages=external --outfile=out/l10n-scan.js && node out/l10n-scan.js src/features/x.ts …`
 */
import { readFileSync } from 'node:fs';
import * as ts from 'typescript';

// ---------------------------------------------------------------------------------------------
// The scan: user-visible positions whose value is (or contains) a literal with words in it.

/** methods whose first argument is shown as is */
const MESSAGE_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage', 'showMissing', 'showMessage', 'confirmDone']);
/** MarkdownString methods whose arguments are shown (hovers, tooltips) */
const MARKDOWN_BUILDERS = new Set(['appendMarkdown', 'appendText']);
/** properties shown to the reader, in object literals and in assignments (`item.tooltip = …`) */
const VISIBLE_PROPERTIES = new Set(['title', 'placeHolder', 'placeholder', 'prompt', 'tooltip', 'message', 'label', 'description', 'detail', 'validationMessage', 'missing', 'openLabel', 'saveLabel', 'text']);
/** constructors whose listed argument positions are shown */
const VISIBLE_CONSTRUCTORS: Record<string, number[]> = { TreeItem: [0], Diagnostic: [1], Hover: [0], MarkdownString: [0], CodeLens: [], TaskGroup: [] };

/** Words in a literal: two letters in a row (`%`, `·`, `#`, `(.bib)`-less punctuation and ids like `x` pass). */
const WORDS = /[A-Za-z]{2,}/;

/**
 * Literals that are not language: names and formats that read the same in every language. Keep this
 * short; a phrase never belongs here.
 */
const ALLOWED = new Set(['arXiv', 'PDF', 'HTML', 'BibTeX', 'TL;DR', 'CSV', 'JSON', 'Markdown', 'arXiv Digest']);

/** `$(check) ` and other codicons are icons, not words; nor are links and the names above (`**TL;DR** ${…}`, `arXiv:${id}`) */
function withoutIcons(text: string): string {
	const names = [...ALLOWED].sort((x, y) => y.length - x.length);
	return names.reduce((t, name) => t.split(name).join(' '), text.replace(/\$\([a-z0-9~-]+\)/g, '').replace(/\bhttps?:\/\/\S*/g, ''));
}

export interface Finding {
	file: string;
	line: number;
	text: string;
}

export function isL10nCall(node: ts.Node): boolean {
	if (!ts.isCallExpression(node)) return false;
	const callee = node.expression;
	// vscode.l10n.t(…) or l10n.t(…) or a local `t(…)` imported from the l10n helper
	if (ts.isPropertyAccessExpression(callee)) return callee.name.text === 't' && /\bl10n$/.test(callee.expression.getText());
	return false;
}

/** The literal parts of an expression the reader sees, skipping anything already localised. */
function literalsIn(expr: ts.Expression, out: ts.Node[], consts: ReadonlyMap<string, ts.Expression> = new Map()): void {
	if (isL10nCall(expr)) return;
	// `const openLink = 'Open Link'; showInformationMessage(…, openLink)`: the constant is what is shown
	if (ts.isIdentifier(expr)) {
		const init = consts.get(expr.text);
		if (init) literalsIn(init, out, new Map([...consts].filter(([k]) => k !== expr.text)));
		return;
	}
	if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr)) return literalsIn(expr.expression, out, consts);
	if (ts.isConditionalExpression(expr)) {
		literalsIn(expr.whenTrue, out, consts);
		literalsIn(expr.whenFalse, out, consts);
		return;
	}
	if (ts.isBinaryExpression(expr) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(expr.operatorToken.kind)) {
		literalsIn(expr.left, out, consts);
		literalsIn(expr.right, out, consts);
		return;
	}
	if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
		if (WORDS.test(withoutIcons(expr.text)) && !ALLOWED.has(expr.text)) out.push(expr);
		return;
	}
	if (ts.isTemplateExpression(expr)) {
		const statics = [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)];
		if (WORDS.test(withoutIcons(statics.join(' ')))) out.push(expr);
		// `$(${icon}) …`: the value inside `$( )` names a codicon, it is not read
		else expr.templateSpans.forEach((s, i) => statics[i].endsWith('$(') || literalsIn(s.expression, out, consts));
		return;
	}
	// new vscode.MarkdownString(`…`).appendText(…) and friends: look at what was built
	if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && ['appendMarkdown', 'appendText'].includes(expr.expression.name.text)) {
		literalsIn(expr.expression.expression, out, consts);
		expr.arguments.forEach((a) => literalsIn(a, out, consts));
	}
}

function calleeName(expr: ts.LeftHandSideExpression): string | undefined {
	if (ts.isIdentifier(expr)) return expr.text;
	if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
	return undefined;
}

/** Names a property: `title`, `'title'`. */
function propertyName(name: ts.PropertyName): string | undefined {
	return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

export function unlocalised(file: string, source: string): Finding[] {
	const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const found: ts.Node[] = [];
	const consts = new Map<string, ts.Expression>();
	const collect = (node: ts.Node): void => {
		if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Const) {
			for (const d of node.declarations) if (ts.isIdentifier(d.name) && d.initializer) consts.set(d.name.text, d.initializer);
		}
		ts.forEachChild(node, collect);
	};
	collect(sf);
	const shown = (e: ts.Expression) => literalsIn(e, found, consts);
	const visit = (node: ts.Node): void => {
		if (isL10nCall(node)) return;
		if (ts.isCallExpression(node)) {
			const name = calleeName(node.expression);
			if (name && MESSAGE_CALLS.has(name)) {
				// the message and every button (items after the options object)
				node.arguments.forEach((a) => {
					if (!ts.isObjectLiteralExpression(a)) shown(a);
				});
			}
			if (name === 'createWebviewPanel' && node.arguments[1]) shown(node.arguments[1]);
			// `md.appendMarkdown(…)` on its own line: a hover or tooltip built step by step
			if (name && MARKDOWN_BUILDERS.has(name)) node.arguments.forEach((a) => shown(a));
			if (name === 'showQuickPick' && node.arguments[0] && ts.isArrayLiteralExpression(node.arguments[0])) node.arguments[0].elements.forEach((e) => ts.isExpression(e) && shown(e));
		}
		if (ts.isNewExpression(node)) {
			const name = calleeName(node.expression);
			for (const i of (name && VISIBLE_CONSTRUCTORS[name]) || []) if (node.arguments?.[i]) shown(node.arguments[i]);
		}
		if (ts.isPropertyAssignment(node)) {
			const name = propertyName(node.name);
			if (name && VISIBLE_PROPERTIES.has(name)) shown(node.initializer);
		}
		if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
			if (VISIBLE_PROPERTIES.has(node.left.name.text)) shown(node.right);
		}
		ts.forEachChild(node, visit);
	};
	visit(sf);
	return found.map((n) => ({ file, line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, text: n.getText().slice(0, 80) }));
}


if (require.main === module) {
	for (const f of process.argv.slice(2).flatMap((file) => unlocalised(file, readFileSync(file, 'utf8')))) console.log(`${f.file}:${f.line} ${f.text}`);
}
