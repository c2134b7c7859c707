'use strict';
// Stars, collections, notes, exports, hover and the reading state, through the real editor API.
const assert = require('assert');
const vscode = require('vscode');
const bibtexParse = require('bibtex-parse');
const { FIXTURE, closeAllEditors, extensionApi, fixtureUri, paperIdOf, readText, remove, scratchFolder, waitFor, workspaceRoot, writeFile } = require('./helpers');

describe('library: stars, collections, notes, export, hover', () => {
	let api;
	const first = FIXTURE.big.first;
	const second = FIXTURE.big.second;
	/** exports go to a folder outside the workspace */
	let tmp;

	before(async () => {
		tmp = await scratchFolder('library-exports');
		api = await extensionApi();
		assert.ok(api.library && api.library.store, 'exports.library is missing');
		await api.search.api.whenIndexed();
	});
	after(async () => {
		await closeAllEditors();
		await remove(tmp);
	});

	const starred = () => api.library.store.library.collections.find((c) => c.name === 'Starred').ids;

	it('star from the card puts the paper in the Collections view', async () => {
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: fixtureUri(FIXTURE.files.big).toString(), id: first.id });
		await waitFor('the card of the first paper', () => paperIdOf(api.cards.api.current()) === first.id && /data-action="toggleStar"/.test(api.cards.api.renderedHtml() || ''));
		if (starred().includes(first.id)) await api.cards.api.receive({ type: 'toggleStar' });
		await api.cards.api.receive({ type: 'toggleStar' });
		await waitFor('the paper in Starred', () => starred().includes(first.id));
		const provider = api.library.collectionsProvider;
		const roots = provider.getChildren();
		const starNode = roots.find((n) => n.name === 'Starred');
		assert.ok(starNode && starNode.count >= 1, `collections: ${JSON.stringify(roots)}`);
		const item = provider.getTreeItem(provider.getChildren(starNode).find((n) => n.id === first.id));
		assert.strictEqual(item.label, first.title);
		await waitFor('the card shows Starred', () => /data-starred="true"/.test(api.cards.api.renderedHtml() || ''));
		// the Papers view: ★ and a context value whose menus offer Unstar; unstarred from there, Star again
		const tree = api.tree.provider;
		const row = async () => {
			const day = (await tree.getChildren()).find((d) => d.day === '2026-02-06');
			const [cv] = await tree.getChildren(day);
			const node = (await tree.getChildren(cv)).find((p) => p.paper.id === first.id);
			return { node, item: await tree.getTreeItem(node) };
		};
		const starredRow = await row();
		assert.match(starredRow.item.contextValue, /^paper (new|seen|read) starred$/);
		assert.match(String(starredRow.item.description), /^★ /);
		await vscode.commands.executeCommand('arxivDigest.unstar', starredRow.node, [starredRow.node]);
		await waitFor('unstarred from the Papers view', () => !starred().includes(first.id));
		const plainRow = await row();
		assert.match(plainRow.item.contextValue, /^paper (new|seen|read)$/);
		assert.doesNotMatch(String(plainRow.item.description), /★/);
		await vscode.commands.executeCommand('arxivDigest.star', plainRow.node, [plainRow.node]);
		await waitFor('starred again from the Papers view', () => starred().includes(first.id));
	});

	it('a note saved in the card is shown there and is searchable by has:note and its words', async () => {
		await api.cards.api.receive({ type: 'saveNote', text: 'Compare with zygomorphic baselines 对比实验' });
		await waitFor('the note in the library', () => api.library.note(first.id) === 'Compare with zygomorphic baselines 对比实验');
		await waitFor('the note in the card', () => (api.cards.api.renderedHtml() || '').includes('zygomorphic baselines'));
		const byWord = await waitFor('a search for the note\'s word', async () => {
			const r = await vscode.commands.executeCommand('arxivDigest.internal.queryIds', 'zygomorphic');
			return r && r.ids && r.ids.includes(first.id) && r;
		});
		assert.ok(!byWord.ids.includes(second.id));
		// a typo of the note's word is corrected to it, as a paper's words are (no paper has either)
		const byTypo = await vscode.commands.executeCommand('arxivDigest.internal.queryIds', 'zygomorphc baselines');
		assert.deepStrictEqual(byTypo.ids, [first.id], JSON.stringify(byTypo));
		// and the search box says the word was spelled otherwise, as for a paper's word
		void vscode.commands.executeCommand('arxivDigest.searchPapers', 'zygomorphc');
		try {
			const box = await waitFor('the box to show the note\'s paper', () => {
				const shown = api.search.api.shownBox();
				return shown && !shown.busy && shown.labels.length === 1 && !/No paper matches/.test(shown.labels[0]) && shown;
			});
			assert.match(box.title, /no paper has “zygomorphc”: similar spellings shown/, box.title);
		} finally {
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		}
		const hasNote = await waitFor('has:note', async () => {
			const r = await vscode.commands.executeCommand('arxivDigest.internal.queryIds', 'has:note');
			return r && r.ids && r.ids.includes(first.id) && r;
		});
		assert.deepStrictEqual(hasNote.ids, [first.id]);
		const isStarred = await vscode.commands.executeCommand('arxivDigest.internal.queryIds', 'is:starred');
		assert.ok(isStarred.ids.includes(first.id), JSON.stringify(isStarred));
	});

	it('a note typed in the card is stored by itself when the card moves on; a note changed elsewhere is not written over', async () => {
		// the card still shows the first paper (with its saved note)
		const base = api.library.note(first.id);
		await api.cards.api.receive({ type: 'noteDraft', id: first.id, text: `${base}\nautosaved line`, base });
		await vscode.commands.executeCommand('arxivDigest.card.next');
		await waitFor('the draft stored as the card moved on', () => api.library.note(first.id) === `${base}\nautosaved line`);
		const shown = api.cards.api.current();
		assert.notStrictEqual(paperIdOf(shown), first.id, 'the card moved on');
		const next = paperIdOf(shown);
		// an empty draft of a paper without a note makes no note
		await api.cards.api.receive({ type: 'noteDraft', id: next, text: '  ', base: '' });
		// the note of this paper changed elsewhere (another card, an import) while a draft was typed from none
		await vscode.commands.executeCommand('arxivDigest.editNote', { id: next }, 'written elsewhere');
		await api.cards.api.receive({ type: 'noteDraft', id: next, text: 'typed here', base: '' });
		await vscode.commands.executeCommand('arxivDigest.card.previous');
		await waitFor('the card back on the first paper', () => paperIdOf(api.cards.api.current()) === first.id);
		assert.strictEqual(api.library.note(next), 'written elsewhere', 'the other note is kept');
		await vscode.commands.executeCommand('arxivDigest.editNote', { id: next }, '');
		assert.strictEqual(api.library.note(next), undefined);
	});

	it('tags and collections from commands; tag: filters search', async () => {
		await vscode.commands.executeCommand('arxivDigest.editTags', { id: second.id }, ['Tracking', 'graph nets']);
		assert.deepStrictEqual(api.library.tags(second.id), ['tracking', 'graph', 'nets']);
		const r = await waitFor('tag:tracking', async () => {
			const reply = await vscode.commands.executeCommand('arxivDigest.internal.queryIds', 'tag:tracking');
			return reply && reply.ids && reply.ids.length > 0 && reply;
		});
		assert.deepStrictEqual(r.ids, [second.id]);
		// a tag no paper carries: the box says so and offers the tags like it, one of which searches in its stead
		void vscode.commands.executeCommand('arxivDigest.searchPapers', '#track');
		try {
			let last;
			const box = await waitFor('the box to say no paper is tagged #track', () => {
				const shown = (last = api.search.api.shownBox());
				return shown && !shown.busy && shown.labels.length === 2 && shown;
			}).catch((err) => {
				throw new Error(`${err.message}; the box: ${JSON.stringify(last)}`);
			});
			assert.match(box.labels[0], /No paper is tagged #track\. Tags like it:/, JSON.stringify(box.labels));
			assert.match(box.labels[1], /Search #tracking instead/, JSON.stringify(box.labels));
			const tracking = await waitFor('the search for #tracking', async () => {
				// to the second row and Enter (the info row above it does nothing when accepted)
				if (api.search.api.shownBox()?.value !== '#tracking') {
					await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
					await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
				}
				const now = api.search.api.shownBox();
				return now && now.value === '#tracking' && !now.busy && now.labels.length === 1 && !/No paper/.test(now.labels[0]) && now;
			});
			assert.ok(tracking.labels[0].includes(second.title.split(':')[0]), JSON.stringify(tracking.labels));
		} finally {
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		}
		// the Papers view's filter says the same of it
		try {
			await vscode.commands.executeCommand('arxivDigest.tree.filter', '#track');
			await waitFor('the view to say no paper is tagged #track', () => api.tree.view.message === 'No paper is tagged #track. Tags like it: #tracking');
		} finally {
			await vscode.commands.executeCommand('arxivDigest.tree.clearFilter');
		}
	});

	it('Edit Tags on two selected rows, called as a view menu calls it (the clicked row, the selected rows), edits both papers\' tags in a picker', async () => {
		const third = FIXTURE.big.third;
		const tree = api.tree.provider;
		const day = (await tree.getChildren()).find((d) => d.day === '2026-02-06');
		const rows = [];
		for (const category of await tree.getChildren(day)) rows.push(...(await tree.getChildren(category)));
		const rowOf = (id) => rows.find((p) => p.paper.id === id);
		const [a, b] = [rowOf(first.id), rowOf(third.id)];
		assert.ok(a && b, 'both rows in the Papers view');
		const before = { a: [...api.library.tags(first.id)], b: [...api.library.tags(third.id)] };
		const tagsNow = () => [api.library.tags(first.id), api.library.tags(third.id)];
		try {
			await vscode.commands.executeCommand('arxivDigest.editTags', { id: first.id }, ['vla', 'robot']);
			await vscode.commands.executeCommand('arxivDigest.editTags', { id: third.id }, ['vla', 'sim']);
			// what VS Code passes when one of several selected rows is right-clicked
			const edited = vscode.commands.executeCommand('arxivDigest.editTags', a, [a, b]);
			const tagsChanged = () => JSON.stringify(tagsNow()) !== JSON.stringify([['vla', 'robot'], ['vla', 'sim']]);
			// the bug: no picker, and the selected rows taken for the tags of the clicked one
			await waitFor('the tag picker (or changed tags)', () => api.library.shownPick() || tagsChanged());
			assert.deepStrictEqual(tagsNow(), [['vla', 'robot'], ['vla', 'sim']], 'nothing changed while the picker is open');
			const pick = api.library.shownPick();
			assert.match(pick.title, /2 papers/);
			assert.deepStrictEqual(pick.selectedItems.map((i) => i.label), ['vla'], 'the tag both have is checked');
			const robot = pick.items.find((i) => i.label === 'robot');
			assert.match(robot.description, /on 1 of the 2 selected/);
			// vla unchecked, graph (the second paper's) checked: taken off both, put on both; robot and sim stay
			pick.selectedItems = pick.items.filter((i) => i.label === 'graph');
			// the extension host sends a shown picker's changes on a timer, a visibility change at once:
			// show() sends the checks now, ahead of the accept (else the workbench accepted its own)
			pick.show();
			await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
			await edited;
			assert.deepStrictEqual(tagsNow(), [['robot', 'graph'], ['sim', 'graph']]);
			assert.deepStrictEqual(api.library.tags(second.id), ['tracking', 'graph', 'nets'], 'a paper not selected is untouched');

			// the Collections view's rows, as its menu passes them: a picker, and nothing changes when it is dismissed
			const noted = (id) => ({ node: 'notedPaper', id, ref: { id } });
			const again = vscode.commands.executeCommand('arxivDigest.editTags', noted(first.id), [noted(first.id), noted(third.id)]);
			const secondPick = await waitFor('the tag picker for the Collections view\'s rows', () => api.library.shownPick() !== pick && api.library.shownPick());
			assert.match(secondPick.title, /2 papers/);
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
			await again;
			assert.deepStrictEqual(tagsNow(), [['robot', 'graph'], ['sim', 'graph']]);
		} finally {
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
			await vscode.commands.executeCommand('arxivDigest.editTags', { id: first.id }, before.a);
			await vscode.commands.executeCommand('arxivDigest.editTags', { id: third.id }, before.b);
		}
	});

	it('Add to Collection names the papers, marks the collections they are in already, and adds every selected one', async () => {
		const third = FIXTURE.big.third;
		assert.ok(starred().includes(first.id) && !starred().includes(third.id), 'the first paper starred, the third not');
		const starredRow = (pick) => pick.items.find((i) => i.name === 'Starred');
		// one paper: its title, and Starred checked as it is in it
		const one = vscode.commands.executeCommand('arxivDigest.addToCollection', { id: first.id });
		const single = await waitFor('the collection picker', () => api.library.shownPick());
		assert.ok(single.title.includes(first.title), single.title);
		assert.match(starredRow(single).label, /^\$\(check\) /);
		assert.match(starredRow(single).description, /already in$/);
		await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		await one;
		// two selected rows, as the view's menu passes them: one of them in Starred already
		const noted = (id) => ({ node: 'notedPaper', id, ref: { id } });
		const added = vscode.commands.executeCommand('arxivDigest.addToCollection', noted(third.id), [noted(first.id), noted(third.id)]);
		const two = await waitFor('the collection picker for two papers', () => api.library.shownPick() !== single && api.library.shownPick());
		try {
			assert.match(two.title, /Add to Collection: 2 papers/);
			assert.match(starredRow(two).description, /1 of these 2 already in$/);
			assert.doesNotMatch(starredRow(two).label, /\$\(check\)/);
			// Starred, the first row, is the active one
			await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
			await added;
			assert.ok(starred().includes(third.id) && starred().includes(first.id), JSON.stringify(starred()));
		} finally {
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
			await vscode.commands.executeCommand('arxivDigest.unstar', { id: third.id });
		}
	});

	it('exports a collection as a .bib file that a BibTeX parser reads back', async () => {
		await vscode.commands.executeCommand('arxivDigest.toggleStar', { id: second.id });
		const target = vscode.Uri.joinPath(tmp, 'starred.bib');
		const written = await vscode.commands.executeCommand('arxivDigest.exportCollection', 'Starred', { format: 'bibtex', uri: target });
		assert.strictEqual(written && written.fsPath, target.fsPath);
		const entries = bibtexParse.entries(await readText(target));
		assert.deepStrictEqual(entries.map((e) => e.EPRINT).sort(), [first.id, second.id].sort());
		assert.ok(entries.every((e) => e.type === 'misc' && e.TITLE && e.AUTHOR && e.key), JSON.stringify(entries[0]));
	});

	it('says where the export went by its path, outside the workspace in full, and opens it from the message', async () => {
		await vscode.commands.executeCommand('notifications.clearAll');
		const said = (uri) => {
			const last = api.exports.lastWritten();
			return last && last.uri.toString() === uri.toString() ? last : undefined;
		};
		const outside = vscode.Uri.joinPath(tmp, 'where.bib');
		await vscode.commands.executeCommand('arxivDigest.exportCollection', 'Starred', { format: 'bibtex', uri: outside });
		const far = await waitFor('the message of the export outside the workspace', () => said(outside));
		const full = outside.scheme === 'file' ? outside.fsPath : outside.toString(true);
		assert.ok(far.message.endsWith(` to ${full}`), far.message);
		assert.ok(!far.buttons.includes('Reveal in Explorer View'), far.buttons.join());
		// in the workspace: its path from the folder, with the folder's name (in a browser, the bare name was all the reader had)
		const folderName = `exports-${Date.now().toString(36)}`;
		const folder = vscode.Uri.joinPath(workspaceRoot(), folderName);
		const inside = vscode.Uri.joinPath(folder, 'starred.bib');
		try {
			// the primary action pressed below is the newest notification's: no other is left to be it
			await vscode.commands.executeCommand('notifications.clearAll');
			await vscode.commands.executeCommand('arxivDigest.exportCollection', 'Starred', { format: 'bibtex', uri: inside });
			const near = await waitFor('the message of the export in the workspace', () => said(inside));
			assert.ok(near.message.endsWith(` to ${vscode.workspace.workspaceFolders[0].name}/${folderName}/starred.bib`), near.message);
			assert.deepStrictEqual(near.buttons.slice(0, 2), ['Open File', 'Reveal in Explorer View']);
			// its first button, as the keyboard presses it, opens the file
			await vscode.commands.executeCommand('notification.acceptPrimaryAction');
			await waitFor('the exported file in an editor', () => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.toString() === inside.toString());
		} finally {
			await closeAllEditors();
			await remove(folder);
		}
	});

	it('exports a day as Markdown with every paper, and the search result as CSV', async () => {
		const md = vscode.Uri.joinPath(tmp, 'day.md');
		await vscode.commands.executeCommand('arxivDigest.exportDay', '2026-02-06', { format: 'markdown', uri: md });
		const text = await readText(md);
		assert.strictEqual((text.match(/^## \d+\. /gm) || []).length, FIXTURE.big.papers);
		assert.ok(text.includes('zygomorphic baselines'), 'the note is in the reading list');
		const csv = vscode.Uri.joinPath(tmp, 'search.csv');
		await vscode.commands.executeCommand('arxivDigest.exportSearchResults', 'is:starred', { format: 'csv', uri: csv });
		const rows = (await readText(csv)).trim().split('\r\n');
		assert.strictEqual(rows.length, 3, rows.join('\n'));
	});

	it('never writes an export over a digest, and says so', async () => {
		const digest = fixtureUri(FIXTURE.files.big);
		const before = await readText(digest);
		const written = await vscode.commands.executeCommand('arxivDigest.exportDay', '2026-02-06', { format: 'markdown', uri: digest });
		assert.strictEqual(written, undefined, 'nothing written');
		assert.strictEqual(await readText(digest), before, 'the digest is as it was');
	});

	it('exports the days selected in the Papers view, as its menu passes them (clicked row, selected rows)', async () => {
		const provider = api.tree.provider;
		const dayRows = (await provider.getChildren()).filter((d) => d.day === '2026-02-06' || d.day === '2026-02-09');
		assert.strictEqual(dayRows.length, 2, 'the fixture\'s two days');
		const expected = new Set();
		for (const day of dayRows) {
			for (const category of await provider.getChildren(day)) {
				for (const paper of await provider.getChildren(category)) expected.add(paper.paper.id);
			}
		}
		const json = vscode.Uri.joinPath(tmp, 'two-days.json');
		const written = await vscode.commands.executeCommand('arxivDigest.exportDay', dayRows[0], dayRows, { format: 'json', uri: json });
		assert.strictEqual(written && written.fsPath, json.fsPath);
		const exported = JSON.parse(await readText(json));
		assert.strictEqual(exported.title, '2026-02-06 and 2026-02-09');
		const ids = exported.papers.map((p) => p.id);
		assert.strictEqual(new Set(ids).size, ids.length, 'each paper once');
		assert.deepStrictEqual([...ids].sort(), [...expected].sort());
	});

	it('exports what the filtered Papers view shows, not the last search', async () => {
		const provider = api.tree.provider;
		const json = vscode.Uri.joinPath(tmp, 'filtered.json');
		assert.strictEqual(await vscode.commands.executeCommand('arxivDigest.exportFilteredPapers', undefined, { format: 'json', uri: json }), undefined, 'nothing filtered: nothing to export');
		provider.setFilter('two papers', new Set([first.id, second.id]));
		try {
			const written = await vscode.commands.executeCommand('arxivDigest.exportFilteredPapers', undefined, { format: 'json', uri: json });
			assert.strictEqual(written && written.fsPath, json.fsPath);
			const exported = JSON.parse(await readText(json));
			assert.deepStrictEqual(exported.papers.map((p) => p.id).sort(), [first.id, second.id].sort());
		} finally {
			provider.clearFilter();
		}
	});

	it('hover on an arXiv id in a plain Markdown file shows the paper, and once warm reads no digest for it', async function () {
		// a plain Markdown file outside the workspace (an untitled one would ask to be saved on close)
		const notes = vscode.Uri.joinPath(tmp, 'meeting-notes.md');
		await writeFile(notes, `# Notes\n\nRead arXiv:${first.id}v1 before the meeting.\n`);
		const doc = await vscode.workspace.openTextDocument(notes);
		await vscode.window.showTextDocument(doc);
		assert.strictEqual(doc.languageId, 'markdown');
		const position = new vscode.Position(2, 12);
		const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, position);
		const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
		assert.ok(text.includes('SIDeR'), text);
		assert.ok(text.includes('zygomorphic'), 'the note is in the hover');
		const again = await api.hover.api.hoverAt(doc, position);
		// the time is a figure, printed in the test's title (the budget, 20 ms, is the benchmark's to
		// judge: a web CI run took 27 ms); what makes a warm hover fast is tested: no digest is read
		this.test.title += ` [warm hover ${again.ms.toFixed(1)} ms]`;
		assert.strictEqual(again.readDigest, false, 'the warm hover reads no digest: its TL;DR comes from the cache');
		assert.ok(again.markdown.includes('SIDeR'), again.markdown);
		const links = await vscode.commands.executeCommand('vscode.executeLinkProvider', doc.uri);
		assert.ok(links.some((l) => l.target && l.target.toString().includes('arxivDigest.openCard')), JSON.stringify(links.map((l) => l.target && l.target.toString())));
	});

	it('from the palette, Star and Edit Note act on the arXiv id under the cursor of the active editor, not on a card in a hidden tab', async () => {
		const third = FIXTURE.big.third;
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: fixtureUri(FIXTURE.files.big).toString(), id: first.id });
		await waitFor('the card of the first paper', () => paperIdOf(api.cards.api.current()) === first.id);
		const cardTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('arxivDigest.card'));
		// a Python file in the card's group, over the card: the card stays open in a tab behind it
		const script = vscode.Uri.joinPath(tmp, 'train.py');
		await writeFile(script, `# the loss of arXiv:${third.id}, section 3\nloss = 0\n`);
		const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(script), { viewColumn: cardTab().group.viewColumn, preview: false });
		editor.selection = new vscode.Selection(0, 20, 0, 20);
		await waitFor('the card in a tab behind the script', () => cardTab() && !cardTab().isActive && vscode.window.activeTextEditor === editor);
		const wasStarred = starred().includes(first.id);
		const firstNote = api.library.note(first.id);
		const thirdStarred = starred().includes(third.id);

		await vscode.commands.executeCommand('arxivDigest.toggleStar');
		await waitFor('the paper under the cursor to change its star', () => starred().includes(third.id) !== thirdStarred);
		await vscode.commands.executeCommand('arxivDigest.editNote', undefined, 'loss from section 3');
		await waitFor('the note on the paper under the cursor', () => api.library.note(third.id) === 'loss from section 3');
		assert.strictEqual(starred().includes(first.id), wasStarred, "the hidden card's paper kept its star");
		assert.strictEqual(api.library.note(first.id), firstNote, "and its note");

		await vscode.commands.executeCommand('arxivDigest.toggleStar', { id: third.id });
		await vscode.commands.executeCommand('arxivDigest.editNote', { id: third.id }, '');
		await waitFor('the third paper as it was', () => starred().includes(third.id) === thirdStarred && !api.library.note(third.id));
		await closeAllEditors();
	});

	it('exports and imports the reading state; a foreign file is refused and changes nothing', async () => {
		const file = vscode.Uri.joinPath(tmp, 'state.json');
		await vscode.commands.executeCommand('arxivDigest.exportReadingState', file);
		const doc = JSON.parse(await readText(file));
		assert.strictEqual(doc.format, 'arxiv-digest/reading-state');
		assert.ok(doc.parts.library.collections[0].ids.includes(first.id));
		const before = JSON.stringify(api.library.store.library);
		const foreign = vscode.Uri.joinPath(tmp, 'foreign.json');
		await writeFile(foreign, JSON.stringify({ favourites: ['2602.04994'] }));
		assert.strictEqual(await vscode.commands.executeCommand('arxivDigest.importReadingState', foreign, 'replace'), false);
		assert.strictEqual(JSON.stringify(api.library.store.library), before);
		assert.strictEqual(await vscode.commands.executeCommand('arxivDigest.importReadingState', file, 'merge'), true);
		assert.strictEqual(JSON.stringify(api.library.store.library), before, 'merging the same state changes nothing');
		assert.ok(api.library.registry.lastPlan.synced.includes('arxivDigest.library'), JSON.stringify(api.library.registry.lastPlan));
	});

	it('Delete Collection can be undone: the collection comes back with its papers in order at its place, or under a free name', async () => {
		const names = () => api.library.store.library.collections.map((c) => c.name);
		const collection = (name) => api.library.store.library.collections.find((c) => c.name === name);
		const store = api.library.store;
		await store.update((lib) => ({ ...lib, collections: [...lib.collections.filter((c) => !['Undo A', 'Undo B', 'Undo C', 'Undo B (2)'].includes(c.name)), { name: 'Undo A', ids: [second.id] }, { name: 'Undo B', ids: [second.id, first.id] }, { name: 'Undo C', ids: [] }] }));
		const before = names();
		const nodeB = api.library.collectionsProvider.getChildren().find((n) => n.name === 'Undo B');
		const deleted = await vscode.commands.executeCommand('arxivDigest.deleteCollection', nodeB, true);
		assert.deepStrictEqual({ names: deleted.names, count: deleted.count }, { names: ['Undo B'], count: 2 });
		assert.ok(!names().includes('Undo B'), names().join(' | '));
		assert.deepStrictEqual(await deleted.undo(), [{ kind: 'restored', name: 'Undo B' }]);
		assert.deepStrictEqual(names(), before);
		assert.deepStrictEqual(collection('Undo B').ids, [second.id, first.id]);
		// deleted again, and a new "Undo B" made before Undo: the new one stays, the old one comes back beside it
		const again = await vscode.commands.executeCommand('arxivDigest.deleteCollection', { node: 'collection', name: 'Undo B' }, true);
		await store.update((lib) => ({ ...lib, collections: [...lib.collections, { name: 'Undo B', ids: [first.id] }] }));
		assert.deepStrictEqual(await again.undo(), [{ kind: 'renamed', name: 'Undo B (2)', taken: 'Undo B' }]);
		assert.deepStrictEqual(collection('Undo B (2)').ids, [second.id, first.id]);
		assert.deepStrictEqual(collection('Undo B').ids, [first.id]);
		assert.strictEqual(names().indexOf('Undo B (2)'), names().indexOf('Undo A') + 1);
		await store.update((lib) => ({ ...lib, collections: lib.collections.filter((c) => !c.name.startsWith('Undo ')) }));
	});

	it('Delete Collection and Export Collection on several selected collections act on each of them', async () => {
		const names = () => api.library.store.library.collections.map((c) => c.name);
		const store = api.library.store;
		await store.update((lib) => ({ ...lib, collections: [...lib.collections.filter((c) => !c.name.startsWith('Many ')), { name: 'Many A', ids: [first.id] }, { name: 'Many B', ids: [] }, { name: 'Many C', ids: [second.id, first.id] }] }));
		const before = names();
		const rows = api.library.collectionsProvider.getChildren();
		const row = (name) => rows.find((n) => n.name === name);
		try {
			// the view passes the clicked row and the selection, here picked C first: the list's order wins
			const target = vscode.Uri.joinPath(tmp, 'many.bib');
			const written = await vscode.commands.executeCommand('arxivDigest.exportCollection', row('Many C'), [row('Many C'), row('Many A')], { format: 'bibtex', uri: target });
			assert.strictEqual(written && written.fsPath, target.fsPath);
			const entries = bibtexParse.entries(await readText(target));
			assert.deepStrictEqual(entries.map((e) => e.EPRINT), [first.id, second.id], 'each paper once, A\'s first');
			// the Starred row selected too: it has no Delete, and stays
			const deleted = await vscode.commands.executeCommand('arxivDigest.deleteCollection', row('Many C'), [row('Many C'), row('Starred'), row('Many A'), row('Many B')], true);
			assert.deepStrictEqual({ names: deleted.names, count: deleted.count }, { names: ['Many A', 'Many B', 'Many C'], count: 2 });
			assert.deepStrictEqual(names(), before.filter((n) => !n.startsWith('Many ')));
			assert.deepStrictEqual(await deleted.undo(), ['Many A', 'Many B', 'Many C'].map((name) => ({ kind: 'restored', name })));
			assert.deepStrictEqual(names(), before, 'back at their places, in their order');
		} finally {
			await store.update((lib) => ({ ...lib, collections: lib.collections.filter((c) => !c.name.startsWith('Many ')) }));
		}
	});
});
