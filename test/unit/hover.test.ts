/**
 * The hover on an arXiv id: complete the first time (the TL;DR read from the shard is awaited, within
 * the hover's cancellation token), and the reader's note as Markdown in a part of its own, untrusted.
 */
import * as assert from 'node:assert';
import { untilCancelled, type CancelToken } from '../../src/core/cancel';
import { escapeMd, noteMarkdown } from '../../src/features/hover/text';
import { fakeVscode, withFakeVscode } from './fake-vscode';
import { keptPaper, type KeptPaper } from '../../src/core/library/kept';
import { smallDigest } from '../fixtures/small-digest';

function cancellable(): CancelToken & { cancel(): void } {
	const listeners: (() => unknown)[] = [];
	const token = {
		isCancellationRequested: false,
		onCancellationRequested(listener: () => unknown) {
			listeners.push(listener);
			return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
		},
		cancel() {
			token.isCancellationRequested = true;
			for (const l of [...listeners]) l();
		},
	};
	return token;
}

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('untilCancelled', () => {
	it('waits for the work, however long it takes, while nobody cancels', async () => {
		assert.strictEqual(await untilCancelled(later(40, 'done'), cancellable()), 'done');
		assert.strictEqual(await untilCancelled(later(5, 'no token'), undefined), 'no token');
	});

	it('gives undefined once cancelled, or once the limit has passed, and lets the work go on', async () => {
		const token = cancellable();
		const work = later(50, 'late');
		const waiting = untilCancelled(work, token);
		setTimeout(() => token.cancel(), 5);
		assert.strictEqual(await waiting, undefined);
		assert.strictEqual(await work, 'late');
		assert.strictEqual(await untilCancelled(later(50, 'x'), cancellable(), 10), undefined, 'the limit');
		const already = cancellable();
		already.cancel();
		assert.strictEqual(await untilCancelled(later(1, 'x'), already), undefined);
	});

	it('passes a failure through and leaves no listener behind', async () => {
		const token = cancellable();
		await assert.rejects(untilCancelled(Promise.reject(new Error('gone')), token), /gone/);
		await untilCancelled(later(1, 1), token);
		let called = 0;
		token.onCancellationRequested(() => called++);
		token.cancel();
		assert.strictEqual(called, 1, 'only the test\'s own listener was left');
	});
});

describe('hover text', () => {
	it('escapes digest text onto one line', () => {
		assert.strictEqual(escapeMd('A *b*\n [c](d)'), 'A \\*b\\* \\[c\\]\\(d\\)');
	});

	it('keeps the note\'s Markdown as written (its math as text), cut at a word when long', () => {
		const note = 'Compare with **Genie 3**; 状态显式建模 is key. See $O(n^2)$ cost.\n\n- one\n- two';
		assert.strictEqual(noteMarkdown(note, 400), note.replace('$O(n^2)$', 'O(n²)'));
		// math as text, as a hover renders none; code as written
		assert.strictEqual(noteMarkdown('a $\\mu$m pore, `$x$` and\n```\n$\\mu$\n```\n$\\alpha$', 400), 'a μm pore, `$x$` and\n```\n$\\mu$\n```\nα');
		const long = `${'word '.repeat(100)}end`;
		const cut = noteMarkdown(long, 50);
		assert.ok(cut.endsWith(' …') && cut.length <= 52 && !/wor …$/.test(cut), cut);
	});

	it('closes a code fence the cut left open', () => {
		const cut = noteMarkdown(`Intro\n\n\`\`\`python\n${'x = 1\n'.repeat(50)}\`\`\`\nafter`, 60);
		assert.ok(cut.endsWith('\n…\n```'), cut);
		assert.strictEqual((cut.match(/```/g) ?? []).length, 2);
	});
});

describe('hover on an arXiv id', () => {
	let hover: typeof import('../../src/features/hover');
	/** the provider the newest registerHover registered */
	let provider: { provideHover(document: unknown, position: unknown, token: unknown): Promise<Hover | undefined> } | undefined;
	/** the link provider the newest registerHover registered */
	let linkProvider: { provideDocumentLinks(document: unknown, token: unknown): Promise<{ tooltip?: string; target: { toString(): string } }[]> } | undefined;
	class Hover {
		constructor(
			readonly contents: { value: string; isTrusted?: unknown; supportThemeIcons?: boolean; supportHtml?: boolean }[],
			readonly range: unknown,
		) {}
	}
	withFakeVscode(() => {
		Object.assign(fakeVscode, {
			Hover,
			Range: class {
				constructor(...args: number[]) {
					Object.assign(this, { args });
				}
			},
			Position: class {
				constructor(
					readonly line: number,
					readonly character: number,
				) {}
			},
			languages: {
				registerHoverProvider: (_selector: unknown, registered: typeof provider) => {
					provider = registered;
					return { dispose() {} };
				},
				registerDocumentLinkProvider: (_selector: unknown, registered: typeof linkProvider) => {
					linkProvider = registered;
					return { dispose() {} };
				},
			},
			DocumentLink: class {
				tooltip: string | undefined;
				constructor(
					readonly range: unknown,
					readonly target: { toString(): string },
				) {}
			},
		});
		hover = require('../../src/features/hover');
	});

	const paper = { id: '2505.11666', title: 'DesignFromX: Empowering $\\Delta$ Design', authors: ['Runlin Duan'], category: 'cs.HC', section: 'cs.HC', tldr: '' };
	const location = { file: { uri: { toString: () => 'file:///ws/2025-05-20.md' }, digest: { day: '2025-05-20', label: '2025-05-20' } }, paper, index: 0 };
	function setup(readMs: number, note?: string, kept?: Map<string, KeptPaper>) {
		let reads = 0;
		const workspace = {
			findPaper: (id: string) => (id === paper.id ? [location] : []),
			loadPaper: async () => {
				reads++;
				await later(readMs, undefined);
				return { paper: { ...paper, tldr: 'DesignFromX enables consumer-driven design.' } };
			},
		};
		const library = { isStarred: () => false, note: () => note, tags: () => [], collections: () => [], kept };
		const registered = hover.registerHover(workspace as never, library);
		const document = { lineAt: () => ({ text: `Also https://arxiv.org/abs/${paper.id}v2 looked` }) };
		return { api: registered.api, document: document as never, reads: () => reads };
	}

	it('has the TL;DR the first time, though the paper is read from its shard in more than the old 12 ms', async () => {
		const { api, document, reads } = setup(60);
		const first = await api.hoverAt(document, { line: 0, character: 30 } as never);
		assert.ok(first?.markdown.includes('**TL;DR** DesignFromX enables consumer\\-driven design\\.'), first?.markdown);
		assert.ok(first!.markdown.includes('**DesignFromX: Empowering Δ Design**'), 'the title as plain text');
		const again = await api.hoverAt(document, { line: 0, character: 30 } as never);
		assert.ok(again?.markdown.includes('TL;DR'));
		assert.strictEqual(reads(), 1, 'the second from the cache');
	});

	it('shows the note as Markdown in an untrusted part without icons; the actions alone may run commands', async () => {
		const note = 'Compare with **Genie 3**; see [$(bug) the blog](https://example.com) and [x](command:arxivDigest.toggleStar)';
		const { document } = setup(0, note);
		const result = await provider!.provideHover(document, { line: 0, character: 30 }, cancellable());
		const notePart = result!.contents.find((p) => p.value.includes('Genie 3'));
		assert.ok(notePart, 'a part for the note');
		assert.ok(notePart.value.includes('Compare with **Genie 3**'), 'its Markdown is not escaped');
		assert.strictEqual(notePart.isTrusted, false, 'the note runs no command');
		assert.strictEqual(notePart.supportThemeIcons, false, 'no icons from the note\'s text');
		assert.strictEqual(notePart.supportHtml, false);
		const trusted = result!.contents.filter((p) => p.isTrusted);
		assert.strictEqual(trusted.length, 1, 'one trusted part');
		assert.ok(trusted[0].value.includes('command:arxivDigest.openCard') && !trusted[0].value.includes('Genie'), 'the actions, and nothing of the note');
	});

	it("says once that an id is not in the workspace's digests, with its abstract and PDF; its link's tooltip says only where a click goes", async () => {
		setup(0);
		const text = 'See arXiv:2606.12562 for the proof';
		const document = { lineAt: () => ({ text }), lineCount: 1, offsetAt: () => text.length };
		const result = await provider!.provideHover(document, { line: 0, character: 12 }, cancellable());
		const markdown = result!.contents.map((part) => part.value).join('\n');
		assert.strictEqual(
			markdown,
			'$(book) arXiv:2606.12562 is not in the digests of this workspace. On arxiv.org: [Abstract](https://arxiv.org/abs/2606.12562) · [PDF](https://arxiv.org/pdf/2606.12562)',
		);
		const [link] = await linkProvider!.provideDocumentLinks(document, cancellable());
		assert.strictEqual(link.target.toString(), 'https://arxiv.org/abs/2606.12562');
		assert.strictEqual(link.tooltip, 'Open on arxiv.org');
		assert.doesNotMatch(link.tooltip!, /not in|digests/i, 'the hover says it already');
	});

	it('a paper of the library no digest lists any more: as the library kept it, with its days and a card that opens by id', async () => {
		const gone = keptPaper({ ...smallDigest().papers[0], id: '2606.12562', title: 'A Kept Paper on $\\Delta$ Robots', tldr: 'Robots, kept.' }, ['2026-06-02']);
		setup(0, 'my note', new Map([[gone.id, gone]]));
		const text = 'See arXiv:2606.12562 for the proof';
		const document = { lineAt: () => ({ text }), lineCount: 1, offsetAt: () => text.length };
		const markdown = (await provider!.provideHover(document, { line: 0, character: 12 }, cancellable()))!.contents.map((part) => part.value).join('\n');
		assert.ok(markdown.includes('**A Kept Paper on Δ Robots**'), markdown);
		assert.ok(markdown.includes('listed 2026\\-06\\-02 · no digest in this workspace lists it any more'), markdown);
		assert.ok(markdown.includes('**TL;DR** Robots, kept\\.') && markdown.includes('my note'), markdown);
		assert.ok(markdown.includes(`command:arxivDigest.openCard?${encodeURIComponent(JSON.stringify([{ id: '2606.12562' }]))}`), markdown);
	});

	it('looks for no link in a document VS Code finds too large for its own language features (over 300,000 lines or 20 M characters)', async () => {
		setup(0);
		const text = 'See arXiv:2606.12562 for the proof';
		let linesRead = 0;
		const lineAt = () => {
			linesRead++;
			return { text };
		};
		assert.deepStrictEqual(await linkProvider!.provideDocumentLinks({ lineAt, lineCount: 300_001, offsetAt: () => 300_001 * text.length }, cancellable()), []);
		assert.deepStrictEqual(await linkProvider!.provideDocumentLinks({ lineAt, lineCount: 1_000, offsetAt: () => 21 * 1024 * 1024 }, cancellable()), []);
		assert.strictEqual(linesRead, 0, 'no line read');
		assert.strictEqual((await linkProvider!.provideDocumentLinks({ lineAt, lineCount: 1_000, offsetAt: () => 1_000 * text.length }, cancellable())).length, 1_000);
	});

	it('gives nothing once the editor stopped waiting', async () => {
		const { document } = setup(200);
		const token = cancellable();
		const pending = provider!.provideHover(document, { line: 0, character: 30 }, token);
		setTimeout(() => token.cancel(), 5);
		assert.strictEqual(await pending, undefined);
	});
});
