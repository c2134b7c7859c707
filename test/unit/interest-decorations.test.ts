import * as assert from 'node:assert';
import { changeColorTheme, fakeVscode, withFakeVscode } from './fake-vscode';

/**
 * The interest words' editor highlight in each kind of theme: high-contrast themes give the editor's
 * strong word highlight no background (they outline it), so there the words need a border of their own.
 */
describe('interest decorations in the digest editor', () => {
	let decorations: typeof import('../../src/features/reading/decorations');
	withFakeVscode(() => (decorations = require('../../src/features/reading/decorations')));
	after(() => changeColorTheme(fakeVscode.ColorThemeKind.Dark));

	const host = {
		onDidChange: () => ({ dispose() {} }),
		interests: { highlightPattern: () => undefined },
		match: () => undefined,
		markSeen() {},
	};
	const register = () => decorations.registerInterestDecorations({ scheme: 'file', path: '/ext' } as never, { isDigestDocument: () => false } as never, host as never);
	/** the newest word decoration: the one with a background or a border */
	const words = () => fakeVscode.window.decorationTypes.filter((t) => 'backgroundColor' in t.options || 'borderColor' in t.options);

	it('marks the words with a background in a dark or light theme and with a border in a high-contrast one, following a theme change', () => {
		changeColorTheme(fakeVscode.ColorThemeKind.Dark);
		const before = fakeVscode.window.decorationTypes.length;
		const disposable = register();
		try {
			const dark = words().at(-1)!;
			assert.ok(fakeVscode.window.decorationTypes.indexOf(dark) >= before);
			assert.ok('backgroundColor' in dark.options && !('borderColor' in dark.options));
			changeColorTheme(fakeVscode.ColorThemeKind.HighContrast);
			const contrast = words().at(-1)!;
			assert.notStrictEqual(contrast, dark, 'a new decoration for the high-contrast theme');
			assert.ok(dark.disposed, 'the old one is let go');
			assert.deepStrictEqual((contrast.options.borderColor as { id: string }).id, 'contrastActiveBorder');
			changeColorTheme(fakeVscode.ColorThemeKind.HighContrastLight);
			assert.strictEqual(words().at(-1), contrast, 'from one high-contrast theme to the other nothing changes');
			changeColorTheme(fakeVscode.ColorThemeKind.Light);
			assert.ok(contrast.disposed);
			assert.ok('backgroundColor' in words().at(-1)!.options);
		} finally {
			disposable.dispose();
		}
		assert.ok(words().at(-1)!.disposed, 'disposed with the feature');
	});

	it('gives light themes a gutter mark dark enough to see on a white editor', () => {
		const disposable = register();
		disposable.dispose();
		const gutter = fakeVscode.window.decorationTypes.filter((t) => 'gutterIconPath' in t.options).at(-1)!;
		const light = (gutter.options.light as { gutterIconPath: { path: string } }).gutterIconPath.path;
		assert.match(light, /media\/interest-light\.svg$/);
	});
});
