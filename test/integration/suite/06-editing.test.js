'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { FIXTURE, closeAllEditors, digestText, dirname, extensionApi, fixtureUri, hitsOf, openFixture, paperIdOf, remove, waitFor, writeFile } = require('./helpers');

/** Text line (0-based) of the first line at or after `from` that satisfies `test`. */
function lineOf(doc, test, from = 0) {
	for (let i = from; i < doc.lineCount; i++) {
		if (test(doc.lineAt(i).text)) return i;
	}
	assert.fail(`no line after ${from} matches in ${doc.uri.path}`);
}

describe('diagnostics of a broken digest', () => {
	const relative = 'broken/2026-03-03.md';
	let uri;
	before(async () => {
		uri = fixtureUri(relative);
		// a TOC that claims 3 papers for a section of 2, and a first paper whose <details> never closes
		await writeFile(uri, digestText('2026-03-03', [
			['2603.00001', 'Broken Gadget: Details Never Closed', 'A paper whose details block is never closed.'],
			['2603.00002', 'Intact Gadget: A Paper That Is Fine', 'A paper that is well formed.'],
		], { claimedTotal: 3, closeDetails: (i) => i !== 0 }));
	});
	after(async () => {
		await vscode.workspace.getConfiguration('arxivDigest').update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
		await closeAllEditors();
		await remove(dirname(uri));
		const api = await extensionApi();
		await waitFor('the broken digest to leave the workspace', () => !api.workspace.get(uri));
	});

	const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source !== undefined && /arxiv/i.test(String(d.source)));

	it('shows the TOC total mismatch as a warning and the unterminated <details> as an error, on their lines', async () => {
		const doc = await openFixture(relative, 'arxiv-digest');
		const tocLine = lineOf(doc, (t) => t.includes('[Total: 3]'));
		const detailsLine = lineOf(doc, (t) => t.trim() === '<details>');
		const diagnostics = await waitFor('two parser diagnostics', () => {
			const d = ours();
			return d.length >= 2 ? d : undefined;
		});
		const summary = diagnostics.map((d) => `${d.range.start.line}:${vscode.DiagnosticSeverity[d.severity]}:${d.code}`).sort();
		assert.deepStrictEqual(summary, [`${detailsLine}:Error:unterminated-details`, `${tocLine}:Warning:toc-total-mismatch`].sort());
		const toc = diagnostics.find((d) => d.code === 'toc-total-mismatch');
		assert.ok(/3/.test(toc.message) && /2/.test(toc.message), `message names both counts: "${toc.message}"`);
	});

	it('arxivDigest.diagnostics.enabled = false clears them, true brings them back; the Papers view\'s warning on the day follows', async () => {
		const api = await extensionApi();
		const dayIcon = async () => {
			const day = (await api.tree.provider.getChildren()).find((d) => d.day === '2026-03-03');
			return day && api.tree.provider.getTreeItem(day).iconPath?.id;
		};
		await waitFor('the day to warn of its broken file', async () => (await dayIcon()) === 'warning');
		// the view redraws the days when the setting changes, so the row shown changes too
		let redrawn = false;
		const listening = api.tree.provider.onDidChangeTreeData(() => (redrawn = true));
		const config = vscode.workspace.getConfiguration('arxivDigest');
		await config.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Global);
		await waitFor('diagnostics to clear', () => ours().length === 0);
		await waitFor('the view to redraw', () => redrawn);
		listening.dispose();
		await waitFor('the day\'s warning to go', async () => (await dayIcon()) === 'calendar');
		await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
		await waitFor('diagnostics to come back', () => ours().length === 2);
		await waitFor('the day\'s warning to come back', async () => (await dayIcon()) === 'warning');
	});

});

describe('a digest a git pull left with a merge conflict (a warning, no error)', () => {
	const relative = 'pulled/2026-03-05.md';
	let uri;
	after(async () => {
		await remove(dirname(uri));
		const api = await extensionApi();
		await waitFor('the digest to leave the workspace', () => !api.workspace.get(uri));
	});

	it('its day in the Papers view shows the warning, its tooltip names the conflict; resolved, the warning goes', async () => {
		const api = await extensionApi();
		uri = fixtureUri(relative);
		const papers = [
			['2603.00051', 'Pulled Gadget: One', 'The first paper.'],
			['2603.00052', 'Pulled Gadget: Two', 'The second paper.'],
		];
		const conflict = ['<<<<<<< HEAD', 'Kept on this branch.', '=======', 'Kept on the other.', '>>>>>>> 1a2b3c4 (Update digest)', ''].join('\n');
		// never opened: the summary the index worker sends says so
		await writeFile(uri, `${digestText('2026-03-05', papers)}\n${conflict}`);
		const day = () => api.tree.provider.getChildren().find((d) => d.day === '2026-03-05');
		const icon = () => day() && api.tree.provider.getTreeItem(day()).iconPath?.id;
		await waitFor('the day to warn of its file', () => icon() === 'warning');
		assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the digest is not open');
		const item = api.tree.provider.getTreeItem(day());
		const resolved = await api.tree.provider.resolveTreeItem(item, day(), new vscode.CancellationTokenSource().token);
		assert.match(String(resolved.tooltip), /⚠ .*2026-03-05\.md: an unresolved merge conflict: open it/);
		assert.match(item.accessibilityInformation.label, /a file is cut short or has a merge conflict/);
		await writeFile(uri, digestText('2026-03-05', papers));
		await waitFor('the warning to go once resolved', () => icon() === 'calendar');
	});
});

describe('live updates from files changed on disk', () => {
	const relative = 'data/2026-03-02.md';
	let api;
	let uri;
	before(async () => {
		api = await extensionApi();
		uri = fixtureUri(relative);
		await api.search.api.whenIndexed();
	});
	after(() => remove(uri));

	const days = async () => (await api.tree.provider.getChildren()).map((d) => d.day);
	/**
	 * Deletes the day's file and waits for the day to leave the tree. The tree hears of a written file
	 * a moment after search does (its changes go out in batches): the day is waited for first, else
	 * the wait for it to leave passed at once and the day came after it, into the next describe's counts.
	 */
	async function removeDay() {
		const written = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
		if (written) await waitFor('the day in the tree before its file is deleted', async () => (await days()).includes('2026-03-02'));
		await remove(uri);
		await waitFor('the day to leave the tree', async () => !(await days()).includes('2026-03-02'));
	}
	const searchIds = async (query) => hitsOf(await api.search.api.search(query, 10)).map(paperIdOf);
	async function treePaperIds(day) {
		const node = (await api.tree.provider.getChildren()).find((d) => d.day === day);
		if (!node) return undefined;
		const ids = [];
		for (const category of await api.tree.provider.getChildren(node)) {
			for (const paper of await api.tree.provider.getChildren(category)) ids.push(paper.paper.id);
		}
		return ids;
	}

	it('a new dated digest appears as a new day in the tree, and its papers are searchable', async () => {
		assert.ok(!(await days()).includes('2026-03-02'), 'the day must not exist before the file does');
		await writeFile(uri, digestText('2026-03-02', [['2603.01001', 'Xylophone Networks for Sparse Audio', 'Xylophone networks tap sparse audio.']]));
		await waitFor('the new day at the top of the tree', async () => (await days())[0] === '2026-03-02');
		assert.deepStrictEqual(await treePaperIds('2026-03-02'), ['2603.01001']);
		await waitFor('the new paper in search', async () => (await searchIds('xylophone'))[0] === '2603.01001');
	});

	it('changing the file updates the tree and the index', async () => {
		await writeFile(uri, digestText('2026-03-02', [
			['2603.01002', 'Zeppelin Routing for Airborne Relays', 'Zeppelins relay packets over long distances.'],
			['2603.01003', 'Quasar Timing with Small Telescopes', 'Small telescopes time quasars.'],
		]));
		await waitFor('the changed papers in the tree', async () => JSON.stringify(await treePaperIds('2026-03-02')) === JSON.stringify(['2603.01002', '2603.01003']));
		await waitFor('the changed paper in search', async () => (await searchIds('zeppelin'))[0] === '2603.01002');
		await waitFor('the old paper gone from search', async () => !(await searchIds('xylophone')).includes('2603.01001'));
	});

	it('deleting the file removes its day and papers', async () => {
		await vscode.workspace.fs.delete(uri);
		await waitFor('the day to leave the tree', async () => !(await days()).includes('2026-03-02'));
		assert.deepStrictEqual(await days(), FIXTURE.days);
		await waitFor('its papers gone from search', async () => (await searchIds('zeppelin')).length === 0);
		assert.strictEqual(api.workspace.get(uri), undefined);
	});

	it('a search box left open finds a new day\'s paper once the index has it, the file counted pending until then', async () => {
		const backend = await api.workspace.backend();
		const pending = [];
		/** the box's first row as each count of pending files came (the search box hears of it first: it listened first) */
		const rows = [];
		const counting = backend.service.onPendingUpdates((n) => {
			pending.push(n);
			rows.push(api.search.api.shownBox()?.labels[0] ?? '');
		});
		try {
			void vscode.commands.executeCommand('arxivDigest.searchPapers', 'narwhal');
			await waitFor('the box to find nothing yet', () => /No paper matches/.test(api.search.api.shownBox()?.labels[0] ?? ''));
			await writeFile(uri, digestText('2026-03-02', [['2603.01004', 'Narwhal Tusks as Ice Sensors', 'Narwhals sense sea ice with their tusks.']]));
			// nothing typed: the box asks its query again once the file is indexed
			await waitFor('the new paper in the open box', () => api.search.api.shownBox()?.labels[0] === 'Narwhal Tusks as Ice Sensors');
			assert.ok(pending.includes(1), `the file counted pending while indexed: ${pending.join(' → ')}`);
			// the advice the box gave before the file came is not left to stand while it is indexed
			const whilePending = rows[pending.indexOf(1)];
			assert.match(whilePending, /No match yet: new or changed digests are still being indexed/, `the row while the file was pending: ${rows.join(' → ')}`);
			assert.strictEqual(backend.service.pendingUpdates, 0);
			assert.ok(!/indexing/.test(api.search.api.shownBox().title), api.search.api.shownBox().title);
			assert.strictEqual(api.search.api.shownBox().busy, false, 'the answer is in: the box is not busy');
		} finally {
			counting.dispose();
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
			// the tests after this describe count the fixture's papers: the day goes before they run
			await removeDay();
		}
	});

	it('the status bar item says a new day is being indexed while search does not have it, then goes back', async () => {
		const status = api.scanStatus.api;
		const backend = await api.workspace.backend();
		const moment = status.showUpdatesAfter.ms;
		// at once: a one-paper day is indexed quicker than the moment a save waits (the unit tests hold that rule)
		status.showUpdatesAfter.ms = 0;
		/** each state the item went through: files pending, and what it showed */
		const states = [];
		const recording = status.onDidChange(() => {
			const shown = status.shown();
			const state = { pending: status.pendingUpdates(), indexPending: backend.service.pendingUpdates, text: shown?.text, tooltip: shown?.tooltip };
			if (JSON.stringify(states.at(-1)) !== JSON.stringify(state)) states.push(state);
		});
		try {
			await writeFile(uri, digestText('2026-03-02', [['2603.01005', 'Pangolin Scales as Armour', 'Pangolins roll up in their scales.']]));
			const said = await waitFor('the item to say the day is being indexed', () => states.find((s) => s.pending === 1));
			assert.strictEqual(said.indexPending, 1, 'while the index has not answered the file');
			assert.strictEqual(said.text, '$(sync) arXiv Digest: indexing 1 new or changed digest…');
			assert.match(said.tooltip, /^New or changed digests are in the Papers view already; search finds their papers once they are indexed\./);
			await waitFor('the item to go back once the day is indexed', () => status.pendingUpdates() === 0 && status.shown() === undefined);
			assert.strictEqual(backend.service.pendingUpdates, 0);
			assert.deepStrictEqual(states.at(-1), { pending: 0, indexPending: 0, text: undefined, tooltip: undefined }, JSON.stringify(states));
			assert.deepStrictEqual(await searchIds('pangolin'), ['2603.01005'], 'search has the day by then');
		} finally {
			recording.dispose();
			status.showUpdatesAfter.ms = moment;
			await removeDay();
		}
	});
});

describe("the editor's files.exclude", () => {
	const kept = fixtureUri('data/2026-03-02.md');
	const hidden = fixtureUri('archive/data/2026-03-03.md');
	let api;
	before(async () => {
		api = await extensionApi();
	});
	const days = async () => (await api.tree.provider.getChildren()).map((d) => d.day);
	const setExclude = (value) => vscode.workspace.getConfiguration('files').update('exclude', value, vscode.ConfigurationTarget.Global);

	it('keeps applying to files changed on disk, and a change of it rescans the workspace', async () => {
		const before = vscode.workspace.getConfiguration('files').inspect('exclude').globalValue;
		const hiddenText = (title) => digestText('2026-03-03', [['2603.02001', title, `${title}.`]]);
		try {
			// a day in a folder of its own, in the tree until the folder is excluded: a change of the setting rescans
			await writeFile(hidden, hiddenText('Walrus Census from Orbit'));
			await waitFor('the day of the folder in the tree', async () => (await days()).includes('2026-03-03'));
			await vscode.commands.executeCommand('arxivDigest.openCard', { uri: hidden.toString(), id: '2603.02001' });
			await waitFor('its card', () => (api.cards.api.renderedHtml() || '').includes('Walrus Census'));
			await setExclude({ ...before, archive: true });
			await waitFor('the day of the excluded folder out of the tree', async () => !(await days()).includes('2026-03-03'));
			// the file is still on disk: its card says it is no digest here any more, not that it was deleted
			await waitFor('the card to say its file left the digests', () => /no longer a digest in this workspace/.test(api.cards.api.renderedHtml() || ''), 20_000);
			assert.doesNotMatch(api.cards.api.renderedHtml(), /was deleted/);
			await closeAllEditors();
			// the file changed on disk (a pull) in the folder excluded, then a day beside it: the two files'
			// events come in the order written, so once the second's day is in, the first was looked at
			await writeFile(hidden, hiddenText('Walrus Census from Orbit, Revised'));
			await writeFile(kept, digestText('2026-03-02', [['2603.02002', 'Puffin Flight Tracking', 'Puffins tracked in flight.']]));
			await waitFor('the day not excluded in the tree', async () => (await days()).includes('2026-03-02'));
			assert.ok(!(await days()).includes('2026-03-03'), 'a file under an excluded folder stays out when it changes on disk');
			await setExclude(before);
			await waitFor('the day of the folder no longer excluded', async () => (await days()).includes('2026-03-03'));
		} finally {
			await setExclude(before);
			await remove(fixtureUri('archive'));
			await remove(kept);
			await waitFor('the fixture days alone', async () => JSON.stringify(await days()) === JSON.stringify(FIXTURE.days));
		}
	});
});

describe('papers tree: text filter and follow-cursor', () => {
	let tree;
	before(async () => {
		tree = (await extensionApi()).tree;
	});
	after(async () => {
		await vscode.commands.executeCommand('arxivDigest.tree.clearFilter');
		await closeAllEditors();
	});

	async function shownPaperIds() {
		const ids = [];
		for (const day of await tree.provider.getChildren()) {
			for (const category of await tree.provider.getChildren(day)) {
				for (const paper of await tree.provider.getChildren(category)) ids.push(paper.paper.id);
			}
		}
		return ids;
	}

	it('arxivDigest.tree.filter shows only the matching papers and says so in the view description', async () => {
		const all = await shownPaperIds();
		const query = FIXTURE.queries.variant.text;
		await vscode.commands.executeCommand('arxivDigest.tree.filter', query);
		assert.strictEqual(tree.view.description, `filtered: ${query} ×`);
		// the description is hidden while the view is alone in its container: the message says it too
		assert.ok(String(tree.view.message).includes(`filtered: ${query}`), `view.message is "${tree.view.message}"`);
		const matching = await vscode.commands.executeCommand('arxivDigest.internal.queryIds', query);
		const shown = await shownPaperIds();
		assert.ok(shown.includes(FIXTURE.queries.variant.id), `${FIXTURE.queries.variant.id} is shown (${shown.join(', ')})`);
		assert.ok(shown.length < all.length, `the filter hides papers (${shown.length} of ${all.length} shown)`);
		assert.deepStrictEqual([...new Set(shown)].sort(), [...new Set(matching.ids)].filter((id) => all.includes(id)).sort());
	});

	it('arxivDigest.tree.clearFilter shows everything again', async () => {
		const before = (await shownPaperIds()).length;
		await vscode.commands.executeCommand('arxivDigest.tree.clearFilter');
		assert.strictEqual(tree.view.description, undefined);
		assert.strictEqual(tree.view.message, undefined);
		const after = await shownPaperIds();
		const shownDays = (await tree.provider.getChildren()).map((day) => day.day ?? day.label);
		assert.strictEqual(after.length, FIXTURE.big.papers + FIXTURE.second.papers + FIXTURE.variant.papers.length, `papers shown of the days ${shownDays.join(', ')}`);
		assert.ok(after.length > before);
	});

	it('moving the cursor into a paper selects it in the visible tree', async () => {
		// the view shown without the keys: the workbench's focus of a view shown by its container reveals
		// the row it last focused, and a row the filter tests' refreshes (the view hidden) had not loaded
		// again threw "Data tree node not found" from the container's command (a local run)
		const [firstDay] = await tree.provider.getChildren();
		await tree.view.reveal(firstDay, { select: false, focus: false, expand: false });
		await waitFor('the papers view to be visible', () => tree.view.visible);
		const doc = await openFixture(FIXTURE.files.big, 'arxiv-digest');
		const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
		const line = lineOf(doc, (t) => t.includes('TL;DR'), FIXTURE.big.second.headingLine);
		editor.selection = new vscode.Selection(line, 4, line, 4);
		const selected = await waitFor('UniTrack selected in the tree', () => {
			const s = tree.view.selection;
			return s.length === 1 && paperIdOf(s[0]) === FIXTURE.big.second.id ? s[0] : undefined;
		});
		assert.strictEqual(selected.paper.title, FIXTURE.big.second.title);
		// revealEditorPaper is what the debounced listener runs: it agrees for another paper
		const first = FIXTURE.big.first.headingLine + 1;
		editor.selection = new vscode.Selection(first, 0, first, 0);
		const node = await tree.revealEditorPaper(editor);
		assert.strictEqual(paperIdOf(node), FIXTURE.big.first.id);
		await waitFor('SIDeR selected in the tree', () => paperIdOf(tree.view.selection[0]) === FIXTURE.big.first.id);
	});
});

describe('opening a card from the cursor', () => {
	let cards;
	before(async () => {
		cards = (await extensionApi()).cards;
	});
	after(closeAllEditors);

	it('arxivDigest.openCard without an argument opens the paper under the cursor', async () => {
		const doc = await openFixture(FIXTURE.files.big, 'arxiv-digest');
		const editor = await vscode.window.showTextDocument(doc);
		const line = lineOf(doc, (t) => t.includes('TL;DR'), FIXTURE.big.second.headingLine);
		editor.selection = new vscode.Selection(line, 10, line, 10);
		await vscode.commands.executeCommand('arxivDigest.openCard');
		await waitFor('the card of the paper under the cursor', () => paperIdOf(cards.api.current()) === FIXTURE.big.second.id);
		assert.strictEqual(cards.api.current().title, FIXTURE.big.second.title);
	});
});
