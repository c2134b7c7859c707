import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode } from './fake-vscode';
import { fakeWorkspace, fixtureFile } from './fake-workspace';
import { smallDigest } from '../fixtures/small-digest';

/** An editor as currentPaper reads it: its document's uri and lines, and the cursor. */
function editor(uri: string, lines: readonly string[], line: number, character = 0) {
	return {
		document: { uri: { toString: () => uri }, lineAt: (n: number) => ({ text: lines[n] ?? '' }) },
		selection: { active: { line, character } },
	};
}

describe('the current paper of a command run without one', () => {
	let actions: typeof import('../../src/features/paperActions');
	withFakeVscode(() => (actions = require('../../src/features/paperActions')));

	const digestUri = 'file:///digests/2026-01-05.md';
	let messages: string[];
	let activeCard: unknown;
	const saved = { window: { ...fakeVscode.window }, commands: { ...fakeVscode.commands } };

	/** the workspace: the fixture day, scanned; `digest` the editor's document when it is a digest */
	function setup() {
		const w = fakeWorkspace();
		w.put(fixtureFile('2026-01-05'));
		w.scanned();
		const ws = {
			...w.ws,
			isDigestDocument: (document: { uri: { toString(): string } }) => document.uri.toString() === digestUri,
			parseDocument: () => smallDigest(),
		};
		return ws as never;
	}

	beforeEach(() => {
		messages = [];
		activeCard = undefined;
		fakeVscode.window.showInformationMessage = async (text: unknown) => void messages.push(String(text));
		fakeVscode.commands.executeCommand = async (command: unknown) => (command === actions.CURRENT_CARD_COMMAND ? activeCard : undefined);
		fakeVscode.window.activeTextEditor = undefined;
	});
	after(() => {
		Object.assign(fakeVscode.window, saved.window);
		Object.assign(fakeVscode.commands, saved.commands);
	});

	it('the active card\'s paper, before any editor\'s', async () => {
		activeCard = { uri: digestUri, id: '2601.00002', index: 1 };
		fakeVscode.window.activeTextEditor = editor('file:///src/model.py', ['# see arXiv:2601.00001'], 0, 12);
		assert.deepStrictEqual(await actions.currentPaper(setup()), activeCard);
		assert.deepStrictEqual(messages, []);
	});

	it('in a digest: the entry under the cursor, or the one above between entries; none in the table of contents', async () => {
		const ws = setup();
		fakeVscode.window.activeTextEditor = editor(digestUri, [], 25);
		assert.deepStrictEqual(await actions.currentPaper(ws), { uri: digestUri, id: '2601.00002', index: 1 });
		fakeVscode.window.activeTextEditor = editor(digestUri, [], 35);
		assert.deepStrictEqual(await actions.currentPaper(ws), { uri: digestUri, id: '2601.00002', index: 1 }, 'a line after the entry');
		fakeVscode.window.activeTextEditor = editor(digestUri, [], 2);
		assert.strictEqual(await actions.currentPaper(ws), undefined);
		assert.deepStrictEqual(messages, ['The cursor is not on a paper entry.']);
	});

	it('in any other file: an arXiv id under the cursor, of a paper of these digests', async () => {
		const ws = setup();
		fakeVscode.window.activeTextEditor = editor('file:///src/model.py', ['x = 1', '# after arXiv:2601.00002v2, Table 3'], 1, 16);
		assert.deepStrictEqual(await actions.currentPaper(ws), { uri: digestUri, id: '2601.00002', index: 1 });
		fakeVscode.window.activeTextEditor = editor('file:///paper/main.tex', ['\\cite{x} % https://arxiv.org/abs/2601.00001'], 0, 30);
		assert.deepStrictEqual(await actions.currentPaper(ws), { uri: digestUri, id: '2601.00001', index: 0 });
		assert.deepStrictEqual(messages, []);
	});

	it('says why there is none: an id of no digest here, no id under the cursor, no editor', async () => {
		const ws = setup();
		fakeVscode.window.activeTextEditor = editor('file:///notes/todo.md', ['read arXiv:2601.10726 today'], 0, 8);
		assert.strictEqual(await actions.currentPaper(ws), undefined);
		fakeVscode.window.activeTextEditor = editor('file:///notes/todo.md', ['read arXiv:2601.10726 today'], 0, 24);
		assert.strictEqual(await actions.currentPaper(ws), undefined, 'the cursor past the id');
		fakeVscode.window.activeTextEditor = undefined;
		assert.strictEqual(await actions.currentPaper(ws), undefined);
		assert.deepStrictEqual(messages, [
			'arXiv:2601.10726 is not in the digests of this workspace.',
			'Open an arXiv digest and put the cursor on a paper first.',
			'Open an arXiv digest and put the cursor on a paper first.',
		]);
	});
});

describe('Open Paper Card by its key in the Papers view: the selected row', () => {
	let actions: typeof import('../../src/features/paperActions');
	let cards: typeof import('../../src/features/cards/args');
	withFakeVscode(() => {
		actions = require('../../src/features/paperActions');
		cards = require('../../src/features/cards/args');
	});
	const saved = { window: { ...fakeVscode.window }, commands: { ...fakeVscode.commands } };
	let messages: string[];
	let selection: unknown;
	beforeEach(() => {
		messages = [];
		fakeVscode.window.showInformationMessage = async (text: unknown) => void messages.push(String(text));
		fakeVscode.commands.executeCommand = async (command: unknown) => (command === actions.PAPERS_SELECTION_COMMAND ? selection : undefined);
	});
	after(() => {
		Object.assign(fakeVscode.window, saved.window);
		Object.assign(fakeVscode.commands, saved.commands);
	});

	it('knows the argument of the view\'s keybinding, which is no paper itself', () => {
		const arg = { selectedIn: 'arxivDigest.papers' };
		assert.ok(actions.isPapersSelectionArgument(arg));
		assert.strictEqual(cards.cardRefFromArgument(arg), undefined, 'not read as a paper ref');
		for (const other of [undefined, 'arxivDigest.papers', { selectedIn: 'arxivDigest.collections' }, { id: '2601.00001' }]) assert.ok(!actions.isPapersSelectionArgument(other), JSON.stringify(other));
	});

	it('the first selected paper row, or says to select one', async () => {
		selection = [{ uri: 'file:///d.md', id: '2601.00002', index: 1 }, { uri: 'file:///d.md', id: '2601.00001', index: 0 }];
		assert.deepStrictEqual(await actions.selectedPaper(), { uri: 'file:///d.md', id: '2601.00002', index: 1 });
		selection = [];
		assert.strictEqual(await actions.selectedPaper(), undefined, 'a day row selected: no paper');
		assert.deepStrictEqual(messages, ['Select a paper in the Papers view first.']);
	});
});
