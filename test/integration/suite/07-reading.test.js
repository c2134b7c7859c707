'use strict';
// Interests and new / seen / read in the real editor: the tree's marks and counts, search's
// is:match / is:read / is:new, the card's interest marks, Mark as Unread / Mark Day as Read, Next Unread, Next New.
const assert = require('assert');
const vscode = require('vscode');
const { FIXTURE, closeAllEditors, editorsNow, extensionApi, fixtureUri, openFixture, paperIdOf, waitFor } = require('./helpers');

const BIG_DAY = '2026-02-06';
const KEYWORDS = 'arxivDigest.interests.keywords';
const EXCLUDE = 'arxivDigest.interests.exclude';

describe('reading: interests and read state', () => {
	let api;
	let provider;
	before(async () => {
		api = await extensionApi();
		provider = api.tree.provider;
		assert.ok(api.reading && api.reading.interests, 'exports.reading is missing');
	});
	after(async () => {
		const config = vscode.workspace.getConfiguration();
		await config.update(KEYWORDS, undefined, vscode.ConfigurationTarget.Global);
		await config.update(EXCLUDE, undefined, vscode.ConfigurationTarget.Global);
		await closeAllEditors();
	});

	const bigDay = () => provider.getChildren().find((d) => d.day === BIG_DAY);
	const paperNode = (id) => {
		for (const c of provider.getChildren(bigDay())) for (const p of c.papers) if (p.paper.id === id) return p;
		return undefined;
	};
	const queryIds = async (query) => {
		const reply = await vscode.commands.executeCommand('arxivDigest.internal.queryIds', query);
		assert.ok(reply && Array.isArray(reply.ids), JSON.stringify(reply));
		return reply.ids;
	};

	it('a keyword marks matching papers in the tree, counts them on the day and feeds is:match', async () => {
		const unitrack = FIXTURE.big.second.id;
		await vscode.workspace.getConfiguration().update(KEYWORDS, ['tracking'], vscode.ConfigurationTarget.Global);
		await waitFor('UniTrack to match "tracking"', () => api.reading.interests.isMatch(unitrack));
		const item = provider.getTreeItem(paperNode(unitrack));
		assert.match(String(item.description), /^(★ )?✦ tracking/, 'matched words lead the description (after ★ on a starred paper)');
		assert.strictEqual(item.iconPath.id, 'sparkle');
		const dayItem = provider.getTreeItem(bigDay());
		assert.match(String(dayItem.description), /✦\d+/, `day description: ${dayItem.description}`);
		assert.match(String(dayItem.accessibilityInformation.label), /\d+ match(es)?\b/, 'a screen reader hears it in words');
		await api.reading.syncSets();
		const ids = await waitFor('is:match to list UniTrack', async () => {
			const found = await queryIds('is:match');
			return found.includes(unitrack) && found;
		});
		assert.ok(ids.every((id) => api.reading.interests.isMatch(id)), 'is:match lists only matches');
	});

	it('matches only first or only matches in the view modes, and an excluded keyword dims a match', async () => {
		const unitrack = FIXTURE.big.second.id;
		await vscode.commands.executeCommand('arxivDigest.setViewMode', 'onlyMatches');
		await waitFor('only matches mode', () => api.reading.viewMode() === 'onlyMatches');
		const shown = provider.getChildren(bigDay()).flatMap((c) => provider.getChildren(c));
		assert.ok(shown.length > 0 && shown.every((p) => api.reading.interests.isMatch(p.paper.id)), `${shown.length} papers shown`);
		await vscode.commands.executeCommand('arxivDigest.setViewMode', 'all');
		await waitFor('all mode', () => api.reading.viewMode() === 'all');

		await vscode.commands.executeCommand('arxivDigest.excludeKeyword', 'UniTrack');
		await waitFor('UniTrack to be excluded', () => {
			const m = api.reading.interests.match(unitrack);
			return m && m.excluded;
		});
		const item = provider.getTreeItem(paperNode(unitrack));
		assert.ok(item.resourceUri && item.resourceUri.query === 'excluded', 'an excluded paper carries the dimming decoration');
		assert.ok(!String(item.description).startsWith('✦'), 'an excluded paper is no match');
		await vscode.workspace.getConfiguration().update(EXCLUDE, undefined, vscode.ConfigurationTarget.Global);
		await waitFor('UniTrack to match again', () => api.reading.interests.isMatch(unitrack));
	});

	it('opening a card lowers the day\'s unread count, marks the words of interest and lists the paper under is:read', async () => {
		// a paper no earlier test opened: the last of the day's first category
		const [cv] = provider.getChildren(bigDay());
		const target = cv.papers.filter((p) => api.reading.statusOn(p.paper.id, BIG_DAY) !== 'read').pop();
		assert.ok(target, 'an unread paper');
		const before = provider.counts(bigDay()).unread;
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: target.key, id: target.paper.id, index: target.index });
		await waitFor('the unread count to drop by one', () => provider.counts(bigDay()).unread === before - 1);
		assert.match(String(provider.getTreeItem(bigDay()).description), new RegExp(`${before - 1} unread`));
		await api.reading.syncSets();
		await waitFor('is:read to list the paper', async () => (await queryIds('is:read')).includes(target.paper.id));
		assert.ok(!(await queryIds('is:unread')).includes(target.paper.id), 'and is:unread not');

		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: fixtureUri(FIXTURE.files.big).toString(), id: FIXTURE.big.second.id });
		await waitFor('the UniTrack card with interest marks', () => /<mark class="interest">Tracking<\/mark>/i.test(api.cards.api.renderedHtml() || ''));
		assert.match(api.cards.api.renderedHtml(), /<p class="interest-match interest-matched">.*Matches your interests: <span class="interest-kind">keyword<\/span> <mark class="interest">tracking<\/mark>/i, 'the card says why it is a match');
	});

	it('Mark as Read and Mark as Unread act on every selected paper, and the rows offer the other one', async () => {
		const [, cl] = provider.getChildren(bigDay());
		const picked = cl.papers.filter((p) => api.reading.statusOn(p.paper.id, BIG_DAY) !== 'read').slice(0, 2);
		assert.strictEqual(picked.length, 2, 'two unread papers');
		assert.ok(picked.every((p) => /^paper (new|seen)$/.test(provider.getTreeItem(p).contextValue)), 'unread rows offer Mark as Read');
		await vscode.commands.executeCommand('arxivDigest.markRead', picked[0], picked);
		await waitFor('both read', () => picked.every((p) => api.reading.statusOn(p.paper.id, BIG_DAY) === 'read'));
		assert.deepStrictEqual(picked.map((p) => provider.getTreeItem(p).contextValue), ['paper read', 'paper read']);
		await vscode.commands.executeCommand('arxivDigest.markUnread', picked[0], picked);
		await waitFor('both unread again', () => picked.every((p) => api.reading.statusOn(p.paper.id, BIG_DAY) === 'seen'));
		assert.deepStrictEqual(picked.map((p) => provider.getTreeItem(p).contextValue), ['paper seen', 'paper seen']);
		// Next Unread from the Papers view's key (its binding's argument): after the selected row, not the card's paper
		await vscode.commands.executeCommand('workbench.view.extension.arxivDigest');
		await waitFor('the Papers view visible', () => api.tree.view.visible);
		// the marks' refreshes just now may leave the row unknown to the workbench for a moment: revealed until it is selected
		await waitFor('the first picked paper selected', async () => {
			const node = provider.getChildren(bigDay()).flatMap((c) => c.papers).find((p) => p.paper.id === picked[0].paper.id);
			await api.tree.view.reveal(node, { select: true, focus: true }).then(undefined, () => undefined);
			return api.tree.view.selection.some((n) => n.kind === 'paper' && n.paper.id === picked[0].paper.id);
		});
		await vscode.commands.executeCommand('arxivDigest.nextUnread', { selectedIn: 'arxivDigest.papers' });
		await waitFor('the card of the next unread paper after the selected row', () => api.cards.api.current()?.id === picked[1].paper.id);
		// from a category row: its first unread paper, in the digest's order
		const category = () => provider.getChildren(bigDay())[1];
		await waitFor('the category selected', async () => {
			await api.tree.view.reveal(category(), { select: true, focus: true, expand: false }).then(undefined, () => undefined);
			return api.tree.view.selection.some((n) => n.kind === 'category' && n.name === cl.name);
		});
		const firstUnread = [...category().papers].sort((a, b) => a.index - b.index).find((p) => api.reading.statusOn(p.paper.id, BIG_DAY) !== 'read');
		assert.ok(firstUnread, 'an unread paper in the category');
		await vscode.commands.executeCommand('arxivDigest.nextUnread', { selectedIn: 'arxivDigest.papers' });
		await waitFor("the card of the category's first unread paper", () => api.cards.api.current()?.id === firstUnread.paper.id);
	});

	it("a workspace's own interests replace the user's there, and Exclude Keyword adds to the workspace's list", async () => {
		const config = () => vscode.workspace.getConfiguration();
		const userBefore = config().inspect(EXCLUDE).globalValue;
		await config().update(EXCLUDE, ['zzqx-workspace-only'], vscode.ConfigurationTarget.Workspace);
		try {
			await waitFor("the workspace's exclude list in effect", () => api.reading.interests.spec.exclude.includes('zzqx-workspace-only'));
			await vscode.commands.executeCommand('arxivDigest.excludeKeyword', 'zzqx-added');
			await waitFor('the term added to the workspace list', () => (config().inspect(EXCLUDE).workspaceValue ?? []).includes('zzqx-added'));
			assert.deepStrictEqual(config().inspect(EXCLUDE).workspaceValue, ['zzqx-workspace-only', 'zzqx-added']);
			assert.deepStrictEqual(config().inspect(EXCLUDE).globalValue, userBefore, 'the user settings are untouched');
			await waitFor('the added term in effect', () => api.reading.interests.spec.exclude.includes('zzqx-added'));
		} finally {
			await config().update(EXCLUDE, undefined, vscode.ConfigurationTarget.Workspace);
		}
		await waitFor("the user's list in effect again", () => !api.reading.interests.spec.exclude.some((t) => t.startsWith('zzqx')));
	});

	it('Mark as Unread and Mark Day as Read change the marks and counts', async () => {
		const unitrack = FIXTURE.big.second.id;
		assert.strictEqual(api.reading.statusOn(unitrack, BIG_DAY), 'read', 'its card was opened');
		await vscode.commands.executeCommand('arxivDigest.markUnread', paperNode(unitrack));
		await waitFor('UniTrack unread', () => api.reading.statusOn(unitrack, BIG_DAY) !== 'read');
		await vscode.commands.executeCommand('arxivDigest.markDayRead', bigDay());
		await waitFor('no unread paper on the day', () => provider.counts(bigDay()).unread === 0);
		assert.match(String(provider.getTreeItem(bigDay()).description), /all read/);
		const snapshot = JSON.stringify(api.reading.store.snapshot());
		assert.ok(snapshot.includes('"2602"'), 'the snapshot holds the read ids, packed by month');
	});

	it('Next Unread Match goes to an unread match of another day once this one is all read', async () => {
		const others = provider.getChildren().filter((d) => d.day !== BIG_DAY && provider.counts(d).matches > 0);
		assert.ok(others.length > 0, 'another fixture day has a "tracking" paper');
		await vscode.commands.executeCommand('arxivDigest.nextUnreadMatch');
		const current = await waitFor('a card on a match of another day', () => {
			const card = api.cards.api.current();
			return card && !card.uri.endsWith('2026-02-06.md') && api.reading.interests.isMatch(card.id) ? card : undefined;
		});
		// the card names its paper at once and marks it read once it has loaded it
		await waitFor('the card it opened marked read', () => api.reading.statusOn(current.id, undefined) === 'read');
	});

	it('Next Unread pressed three times at once reads three papers in turn, none skipped', async () => {
		const unreadNow = () => {
			const ids = new Set();
			for (const f of api.workspace.files()) for (const p of f.digest.papers) if (api.reading.statusOn(p.id, f.digest.day) !== 'read') ids.add(p.id);
			return ids;
		};
		const before = unreadNow();
		assert.ok(before.size >= 3, `three unread papers to go to (${before.size})`);
		// each press before the card showed the last one's paper: each goes on from the paper shown
		await Promise.all([1, 2, 3].map(() => vscode.commands.executeCommand('arxivDigest.nextUnread')));
		const after = unreadNow();
		const read = [...before].filter((id) => !after.has(id));
		assert.strictEqual(read.length, 3, `three papers read, one per press: ${read.join(' ')}`);
		assert.ok(read.includes(api.cards.api.current().id), 'the card shows the last of them');
	});

	it("Mark Day as Read from the palette marks the active digest's day with a card beside it, the active card's day once it is in front, not the newest; Undo gives each paper its own mark back", async () => {
		const newestDay = FIXTURE.days[0];
		const dayNode = (day) => provider.getChildren().find((d) => d.day === day);
		const marks = (day) => provider.getChildren(dayNode(day)).flatMap((c) => c.papers.map((p) => api.reading.statusOn(p.paper.id, day)));
		const cardTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('arxivDigest.card'));
		await closeAllEditors();
		// the newest day in an editor with the keys, the big day's card opened beside it without them
		const newestUri = fixtureUri(FIXTURE.files.second).toString();
		await openFixture(FIXTURE.files.second, 'arxiv-digest');
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: fixtureUri(FIXTURE.files.big).toString(), id: FIXTURE.big.third.id });
		await waitFor('the card beside the newest digest, the digest in front', () => {
			const card = cardTab();
			const editor = vscode.window.activeTextEditor;
			return paperIdOf(api.cards.api.current()) === FIXTURE.big.third.id && card && !card.group.isActive && editor && editor.document.uri.toString() === newestUri;
		}).catch((e) => {
			throw new Error(`${e.message}; ${editorsNow()}`);
		});
		const bigAtStart = marks(BIG_DAY);
		const newestShown = marks(newestDay);
		assert.ok(newestShown.some((m) => m !== 'read'), 'the newest day has unread papers');
		const byEditor = await vscode.commands.executeCommand('arxivDigest.markDayRead');
		assert.strictEqual(byEditor.label, newestDay);
		assert.ok(marks(newestDay).every((m) => m === 'read'));
		assert.deepStrictEqual(marks(BIG_DAY), bigAtStart, "the card's day is untouched while the digest is in front");
		byEditor.undo();
		assert.deepStrictEqual(marks(newestDay), newestShown, 'new papers are new again, seen ones seen, read ones read');

		// then the card in front. The keys go to a webview only now, last: a webview given the keys while
		// it loads takes them again once loaded (VS Code queues its focus until the page is ready), which
		// made the active group the card's again after a digest was shown (the flaky order this test had)
		const focusGroup = (column) => vscode.commands.executeCommand(`workbench.action.focus${['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth'][column - 1]}EditorGroup`);
		await focusGroup(cardTab().group.viewColumn);
		await waitFor('the card as the active tab', () => cardTab().isActive && cardTab().group.isActive && !vscode.window.activeTextEditor).catch((e) => {
			throw new Error(`${e.message}; ${editorsNow()}`);
		});
		// the big day read but for a few papers marked unread (seen)
		const unread = provider.getChildren(bigDay())[1].papers.slice(0, 3).map((p) => p.paper.id);
		await vscode.commands.executeCommand('arxivDigest.markUnread', unread[0], unread);
		await waitFor('three unread papers', () => unread.every((id) => api.reading.statusOn(id, BIG_DAY) === 'seen'));
		const bigBefore = marks(BIG_DAY);
		const newestBefore = marks(newestDay);
		const byCard = await vscode.commands.executeCommand('arxivDigest.markDayRead');
		assert.strictEqual(byCard.label, BIG_DAY);
		assert.strictEqual(byCard.marked, bigBefore.filter((m) => m !== 'read').length);
		assert.ok(marks(BIG_DAY).every((m) => m === 'read'));
		assert.deepStrictEqual(marks(newestDay), newestBefore, 'the newest day is untouched');
		byCard.undo();
		assert.deepStrictEqual(marks(BIG_DAY), bigBefore, "each paper of the card's day has its mark back");
		await closeAllEditors();
	});

	it('Mark Day as Read on two selected days, called as the view menu calls it (the clicked day, the selected rows), marks both; Undo gives each paper its mark back', async () => {
		const newestDay = FIXTURE.days[0];
		const dayNode = (day) => provider.getChildren().find((d) => d.day === day);
		const marks = (day) => provider.getChildren(dayNode(day)).flatMap((c) => c.papers.map((p) => api.reading.statusOn(p.paper.id, day)));
		const [bigBefore, newestBefore] = [marks(BIG_DAY), marks(newestDay)];
		assert.ok(bigBefore.some((m) => m !== 'read') && newestBefore.some((m) => m !== 'read'), 'both days have unread papers');
		const paperRow = provider.getChildren(dayNode(newestDay))[0].papers[0];
		// a paper row selected too is no day: it adds nothing
		const marked = await vscode.commands.executeCommand('arxivDigest.markDayRead', dayNode(BIG_DAY), [dayNode(BIG_DAY), paperRow, dayNode(newestDay)]);
		try {
			assert.ok(marks(BIG_DAY).every((m) => m === 'read'), 'the clicked day is read');
			assert.ok(marks(newestDay).every((m) => m === 'read'), 'the other selected day is read');
			assert.strictEqual(marked.label, `${BIG_DAY} and ${newestDay}`);
		} finally {
			// the tests after this one need the marks as they were
			marked.undo();
		}
		assert.deepStrictEqual([marks(BIG_DAY), marks(newestDay)], [bigBefore, newestBefore]);
	});

	it('is:new finds the papers never seen, not one read nor one seen before (then marked unread); its day then says how many of its papers are new', async () => {
		const listed = provider.getChildren().flatMap((day) => provider.getChildren(day).flatMap((c) => c.papers.map((node) => ({ day, id: node.paper.id, node }))));
		const fresh = listed.filter((p) => api.reading.statusOn(p.id, p.day.day) === 'new');
		const target = fresh[0];
		const other = fresh.find((p) => p.id !== (target && target.id));
		assert.ok(target && other, `two new papers (${fresh.length} new of ${listed.length})`);
		const newIds = async () => {
			await api.reading.syncSets();
			return queryIds('is:new');
		};
		const before = await newIds();
		assert.ok(before.includes(target.id) && before.includes(other.id), 'both new papers are under is:new');

		await vscode.commands.executeCommand('arxivDigest.markRead', target.node);
		await waitFor('the paper read', () => api.reading.statusOn(target.id, target.day.day) === 'read');
		const afterRead = await newIds();
		assert.ok(!afterRead.includes(target.id) && afterRead.includes(other.id), 'a read paper is not new; the other still is');

		// marked unread: seen before, on every day (not new again)
		await vscode.commands.executeCommand('arxivDigest.markUnread', target.node);
		await waitFor('the paper seen, not read', () => api.reading.statusOn(target.id, target.day.day) === 'seen');
		assert.ok(!(await newIds()).includes(target.id), 'a paper seen before is not new');
		assert.ok((await queryIds('is:seen')).includes(target.id), 'it is under is:seen');
		assert.ok((await queryIds('is:unread')).includes(target.id), 'and under is:unread');
		assert.deepStrictEqual([...(await queryIds('is:new -is:unread'))], [], 'a new paper is never read');

		const day = provider.getChildren().find((d) => d.id === target.day.id);
		const counts = provider.counts(day);
		assert.ok(counts.unread > counts.fresh, 'the day lists a paper seen before');
		// seen on its own day, not a repeat of an earlier day's (the fixture's days share no paper): the
		// row keeps its unread count (a day of repeats says its new papers instead: unit-tested)
		assert.strictEqual(counts.repeatsSeen, 0);
		// the row: an untouched day (none of its papers read: which day the first new paper is on depends
		// on the tests before) shows its count alone; once one is read, what is left to read stands for
		// the count (the tooltip has both); then the matches
		const lead = counts.unread < counts.papers ? `${counts.unread} unread` : String(counts.papers);
		assert.match(String(provider.getTreeItem(day).description), new RegExp(`^${lead}( · ✦\\d+)?$`));
	});

	it('Next New goes past a paper seen before and left unread, where Next Unread stops, to a new one', async () => {
		const listed = provider.getChildren().flatMap((day) => provider.getChildren(day).flatMap((c) => c.papers.map((node) => ({ day: day.day, id: node.paper.id, node }))));
		const fresh = new Set(listed.filter((p) => api.reading.statusOn(p.id, p.day) === 'new').map((p) => p.id));
		// a paper seen before (the test before left one) and the one listed just before it in its file
		const seen = listed.find((p) => api.reading.statusOn(p.id, p.day) === 'seen' && listed.some((q) => q.node.key === p.node.key && q.node.index === p.node.index - 1));
		assert.ok(seen && fresh.size > 0, `a paper seen before after another, and new papers (${fresh.size})`);
		const before = listed.find((q) => q.node.key === seen.node.key && q.node.index === seen.node.index - 1);
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: before.node.key, id: before.id, index: before.node.index });
		await waitFor('the card before the seen paper', () => api.cards.api.current() && api.cards.api.current().id === before.id);
		await vscode.commands.executeCommand('arxivDigest.nextNew');
		const card = await waitFor('a card on another paper', () => {
			const current = api.cards.api.current();
			return current && current.id !== before.id ? current : undefined;
		});
		assert.notStrictEqual(card.id, seen.id, 'not the paper seen before (Next Unread goes there)');
		assert.ok(fresh.has(card.id), `${card.id} was new`);
		await waitFor('the card it opened marked read', () => api.reading.statusOn(card.id, undefined) === 'read');
		await closeAllEditors();
	});

	it('Next Unread from the palette starts at the day the reader selected in the Papers view after the card last moved, and goes on from the card once it moved', async () => {
		const [newestDay] = FIXTURE.days;
		const dayNode = (day) => provider.getChildren().find((d) => d.day === day);
		const fileOf = (key) => api.workspace.files().find((f) => f.uri.toString() === key);
		// unread: Next New and Next Unread Match start their walk the same way (one nextUnreadStep), and the tests before read or saw most new papers
		const unreadIn = (day) => fileOf(dayNode(day).keys[0]).digest.papers.map((p, index) => ({ id: p.id, index })).filter((p) => api.reading.statusOn(p.id, day) !== 'read');
		// an older day with two unread papers left (the tests before read some days' papers)
		const olderDay = FIXTURE.days.slice(1).find((day) => dayNode(day) && unreadIn(day).length >= 2);
		assert.ok(olderDay, `an older day with two unread papers (${FIXTURE.days.slice(1).map((day) => `${day}: ${dayNode(day) ? unreadIn(day).length : 'no row'}`).join(', ')})`);
		// a card on the newest day's first paper, with unread papers after it there (where the card's walk goes)
		const newest = fileOf(dayNode(newestDay).keys[0]);
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: newest.uri.toString(), id: newest.digest.papers[0].id, index: 0 });
		await waitFor('the card on the newest day', () => api.cards.api.current()?.id === newest.digest.papers[0].id);
		assert.ok(unreadIn(newestDay).some((p) => p.index > 0), 'unread papers after the card\'s on its day');
		const [first, second] = unreadIn(olderDay);
		assert.ok(first && second, `two unread papers on ${olderDay}`);
		// the reader selects the older day's row: the selection is newer than the card's move
		await vscode.commands.executeCommand('workbench.view.extension.arxivDigest');
		await waitFor('the Papers view visible', () => api.tree.view.visible);
		await waitFor(`the day ${olderDay} selected`, async () => {
			await api.tree.view.reveal(dayNode(olderDay), { select: true, focus: true, expand: false }).then(undefined, () => undefined);
			return api.tree.view.selection.some((n) => n.kind === 'day' && n.day === olderDay);
		});
		// from the palette: no argument
		await vscode.commands.executeCommand('arxivDigest.nextUnread');
		await waitFor(`the card on the first unread paper of ${olderDay}`, () => api.cards.api.current()?.id === first.id).catch((e) => {
			throw new Error(`${e.message}; the card shows ${JSON.stringify(api.cards.api.current())}`);
		});
		// the card moved since: the next press goes on from it, not from the day's start again. The paper
		// it opened is made unread again, so the two starts lead to different papers whatever the view
		// selects meanwhile (the view follows the card's step 200 ms later, selecting its paper's row:
		// the day's row may or may not still be selected when the reader presses again, by timing)
		await waitFor('the card it opened marked read', () => api.reading.statusOn(first.id, olderDay) === 'read');
		const firstRow = provider.getChildren(dayNode(olderDay)).flatMap((c) => c.papers).find((p) => p.paper.id === first.id && p.index === first.index);
		assert.ok(firstRow, `the row of ${first.id} on ${olderDay}`);
		await vscode.commands.executeCommand('arxivDigest.markUnread', firstRow);
		await waitFor(`${first.id} unread again, the card still on it`, () => api.reading.statusOn(first.id, olderDay) !== 'read' && api.cards.api.current()?.id === first.id);
		await vscode.commands.executeCommand('arxivDigest.nextUnread');
		await waitFor(`the card on the second unread paper of ${olderDay}, after the card's (from the day's start it is ${first.id} again)`, () => api.cards.api.current()?.id === second.id).catch((e) => {
			throw new Error(`${e.message}; the card shows ${JSON.stringify(api.cards.api.current())}`);
		});
		await closeAllEditors();
	});
});

describe('reading: a first-time user finds the interests', () => {
	const LISTS = ['keywords', 'authors', 'categories', 'exclude'].map((list) => `arxivDigest.interests.${list}`);
	const [, AUTHORS, CATEGORIES] = LISTS;
	let api;
	let provider;
	const config = () => vscode.workspace.getConfiguration();
	const userValue = (key) => config().inspect(key).globalValue;
	const clearInterests = async () => {
		for (const key of LISTS) {
			await config().update(key, undefined, vscode.ConfigurationTarget.Global);
			await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
		}
		await waitFor('no interests in effect', () => !api.reading.interests.hasInterests);
	};
	before(async () => {
		api = await extensionApi();
		provider = api.tree.provider;
		// the keyboard in the editor area, as in a window just opened: the describe before left it in the
		// Papers view (a row revealed with the focus), and VS Code's tree view gives itself the focus back
		// at the end of every refresh while it thinks it has it (its doRefresh: `this.focused && this.focus()`),
		// so a refresh for an interest just added, landing as the category pick opened, took the focus from
		// the pick, which closed without a choice (CI: "the largest category … it added nothing", twice)
		await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
		await clearInterests();
	});
	after(async () => {
		await vscode.commands.executeCommand('arxivDigest.setViewMode', 'all');
		await clearInterests();
	});

	it('"Only matches" says why it lists nothing: no interests set, then none matching; a match lists its papers without a message', async () => {
		await vscode.commands.executeCommand('arxivDigest.setViewMode', 'onlyMatches');
		await waitFor('only matches mode', () => api.reading.viewMode() === 'onlyMatches');
		const message = await waitFor('a message in the empty view', () => api.tree.view.message);
		assert.match(message, /^No interests set: add keywords, authors or categories with Edit Interests…/);
		assert.deepStrictEqual(provider.getChildren(), [], 'no day is listed');

		await config().update(LISTS[0], ['zzqx-no-paper-has-this'], vscode.ConfigurationTarget.Global);
		await waitFor('the "no match" message', () => /^No paper matches your interests\./.test(api.tree.view.message ?? ''));
		assert.deepStrictEqual(provider.getChildren(), [], 'still no day is listed');

		await config().update(LISTS[0], ['tracking'], vscode.ConfigurationTarget.Global);
		await waitFor('the matching days listed, without a message', () => provider.getChildren().length > 0 && api.tree.view.message === undefined);
		await vscode.commands.executeCommand('arxivDigest.setViewMode', 'all');
		await waitFor('all mode', () => api.reading.viewMode() === 'all');
		await clearInterests();
		assert.strictEqual(api.tree.view.message, undefined, 'all papers: no message about interests');
	});

	it('Edit Interests adds a keyword, an author and a category to the user settings (no duplicate) and removes them', async () => {
		const edit = (arg) => vscode.commands.executeCommand('arxivDigest.editInterests', arg);
		await edit({ add: 'keywords', term: 'world model' });
		await edit({ add: 'keywords', term: ' World Model ' });
		assert.deepStrictEqual(userValue(LISTS[0]), ['world model'], 'a keyword, once whatever its case');
		await edit({ add: 'authors', term: 'Zhiguo Ding' });
		assert.deepStrictEqual(userValue(AUTHORS), ['Zhiguo Ding']);
		await edit({ add: 'exclude', term: 'survey' });
		assert.deepStrictEqual(userValue(LISTS[3]), ['survey']);
		await waitFor('the interests in effect', () => api.reading.interests.spec.authors.includes('Zhiguo Ding') && api.reading.interests.spec.keywords.includes('world model'));

		// a category is picked from the workspace's own, the largest first
		const counts = provider.model.categoryCounts().filter((c) => c.name !== '(no category)');
		const largest = [...counts].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))[0];
		// what else happened while the pick was open, to say why it closed without a choice: a pick
		// closes by itself when the window or the pick loses the focus (to a webview, an editor, a view)
		const started = Date.now();
		const meanwhile = [];
		const seen = (what) => meanwhile.push(`+${Date.now() - started} ms ${what}`);
		const activeTab = () => vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? 'none';
		const watching = [
			vscode.window.onDidChangeWindowState((state) => seen(`the window ${state.focused ? 'got' : 'lost'} the focus`)),
			vscode.window.tabGroups.onDidChangeTabs(() => seen(`tabs changed, the active one: ${activeTab()}`)),
			vscode.window.onDidChangeActiveTextEditor((editor) => seen(`the active editor: ${editor ? editor.document.uri.path : 'none'}`)),
			api.tree.view.onDidChangeVisibility(({ visible }) => seen(`the Papers view ${visible ? 'shown' : 'hidden'}`)),
		];
		let answered = false;
		/** the command's answer: what it said in the status bar, undefined when it added nothing */
		let said;
		const editing = Promise.resolve(edit({ add: 'categories' })).then((answer) => {
			said = answer;
			answered = true;
		});
		try {
			await waitFor('the category pick accepted', async () => {
				await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
				return answered;
			});
			await editing;
		} finally {
			for (const watcher of watching) watcher.dispose();
		}
		const outcome = said === undefined
			? `it added nothing: its pick closed without a choice, or never showed (meanwhile: ${meanwhile.join('; ') || 'no change of the window focus, tabs, editor or Papers view seen'}; the window ${vscode.window.state.focused ? 'has' : 'lacks'} the focus now)`
			: `the command said: ${said}`;
		const offered = counts.map((c) => `${c.name} ${c.count}`).join(', ');
		assert.deepStrictEqual(userValue(CATEGORIES), [largest.name], `the largest category, ${largest.name}, offered first (${offered}): ${outcome}`);

		await edit({ remove: 'keywords', term: 'WORLD MODEL' });
		await edit({ remove: 'authors', term: 'Zhiguo Ding' });
		await edit({ remove: 'categories', term: largest.name });
		await edit({ remove: 'exclude', term: 'survey' });
		// the last entry gone, the setting goes too: no `[]` left in the user's settings.json
		for (const key of LISTS) assert.strictEqual(userValue(key), undefined, key);
		await waitFor('no interests in effect', () => !api.reading.interests.hasInterests);
	});

	it('Edit Interests stays open after a remove and an add, back on the list showing the change, until Done or Escape', async () => {
		const KEYWORDS_KEY = LISTS[0];
		await config().update(KEYWORDS_KEY, ['zzqx-one', 'zzqx-two'], vscode.ConfigurationTarget.Global);
		await waitFor('the keywords in effect', () => api.reading.interests.spec.keywords.length === 2);
		let closed = false;
		const editing = Promise.resolve(vscode.commands.executeCommand('arxivDigest.editInterests')).then(() => (closed = true));
		try {
			const list = await waitFor('the Edit Interests list', () => api.reading.shownInterestsInput());
			const labels = () => list.items.map((item) => item.label);
			const accept = async (item) => {
				assert.ok(item, labels().join(' | '));
				list.activeItems = [item];
				// a shown input sends its changes on a timer, a visibility change at once: ahead of the accept
				list.show();
				await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
			};
			const one = list.items.find((item) => item.label === '$(sparkle) zzqx-one');
			assert.ok(one && one.buttons.length === 1, 'an entry has a remove button');

			// an entry picked: removed, and the list stays, without it, saying so
			await accept(one);
			await waitFor('zzqx-one removed', () => JSON.stringify(userValue(KEYWORDS_KEY)) === '["zzqx-two"]');
			await waitFor('the list without it, saying so', () => !labels().includes('$(sparkle) zzqx-one') && /Removed “zzqx-one”/.test(list.placeholder ?? ''));
			assert.strictEqual(api.reading.shownInterestsInput(), list, 'the list is shown again');
			assert.strictEqual(closed, false, 'Edit Interests is still open');

			// Add Keyword…: a step for the keyword, then the list again, the keyword listed and the active row
			await accept(list.items.find((item) => item.add === 'keywords'));
			const box = await waitFor('the Add Keyword step', () => {
				const input = api.reading.shownInterestsInput();
				return input !== list && input;
			});
			assert.strictEqual(box.title, 'Add Keyword');
			box.value = 'zzqx-three';
			box.show();
			await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
			await waitFor('zzqx-three added', () => JSON.stringify(userValue(KEYWORDS_KEY)) === '["zzqx-two","zzqx-three"]');
			// the list again, the keyword listed with its remove button (the extension makes it the active
			// row too, but the workbench may move that back to the first row when it applies the new items:
			// microsoft/vscode#75005; a loaded CI run saw it, so the row is not asserted active)
			await waitFor('the list again, the keyword listed', () => api.reading.shownInterestsInput() === list && list.items.some((item) => item.label === '$(sparkle) zzqx-three'));
			assert.match(list.placeholder, /Added “zzqx-three”/);
			assert.strictEqual(list.items.find((item) => item.label === '$(sparkle) zzqx-three').buttons.length, 1, 'with a remove button');
			assert.strictEqual(closed, false, 'Edit Interests is still open');

			// Done closes it
			await accept(list.items.find((item) => item.done));
			await editing;
			assert.strictEqual(api.reading.shownInterestsInput(), undefined);

			// and so does Escape
			let escaped = false;
			const again = Promise.resolve(vscode.commands.executeCommand('arxivDigest.editInterests')).then(() => (escaped = true));
			await waitFor('the Edit Interests list again', () => api.reading.shownInterestsInput());
			assert.strictEqual(escaped, false);
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
			await again;
			assert.deepStrictEqual(userValue(KEYWORDS_KEY), ['zzqx-two', 'zzqx-three'], 'nothing changed on Escape');
		} finally {
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
			await config().update(KEYWORDS_KEY, undefined, vscode.ConfigurationTarget.Global);
		}
	});

	it("Edit Interests adds to a workspace's own list where the workspace sets one, as Follow Author does", async () => {
		const userBefore = userValue(AUTHORS);
		await config().update(AUTHORS, ['zzqx Workspace Author'], vscode.ConfigurationTarget.Workspace);
		try {
			await vscode.commands.executeCommand('arxivDigest.editInterests', { add: 'authors', term: 'Kaiming He' });
			assert.deepStrictEqual(config().inspect(AUTHORS).workspaceValue, ['zzqx Workspace Author', 'Kaiming He']);
			assert.deepStrictEqual(userValue(AUTHORS), userBefore, 'the user settings are untouched');
			await vscode.commands.executeCommand('arxivDigest.editInterests', { remove: 'authors', term: 'kaiming he' });
			assert.deepStrictEqual(config().inspect(AUTHORS).workspaceValue, ['zzqx Workspace Author']);
		} finally {
			await config().update(AUTHORS, undefined, vscode.ConfigurationTarget.Workspace);
		}
	});

	it("Removing a list's last entry removes the setting where it is set, but leaves a workspace's [] that hides the user's list", async () => {
		const edit = (arg) => vscode.commands.executeCommand('arxivDigest.editInterests', arg);
		try {
			// the user's list emptied: the setting goes
			await config().update(AUTHORS, ['zzqx User Author'], vscode.ConfigurationTarget.Global);
			await edit({ remove: 'authors', term: 'zzqx user author' });
			assert.strictEqual(userValue(AUTHORS), undefined, "no [] in the user's settings");
			// the workspace's list emptied, the user's empty too: the workspace's setting goes
			await config().update(AUTHORS, ['zzqx Workspace Author'], vscode.ConfigurationTarget.Workspace);
			await edit({ remove: 'authors', term: 'zzqx Workspace Author' });
			assert.strictEqual(config().inspect(AUTHORS).workspaceValue, undefined, "no [] in the workspace's settings");
			assert.strictEqual(userValue(AUTHORS), undefined, 'the user settings are untouched');
			// the workspace's list emptied over a user's list: [] stays, else the user's authors would be followed here
			await config().update(AUTHORS, ['zzqx User Author'], vscode.ConfigurationTarget.Global);
			await config().update(AUTHORS, ['zzqx Workspace Author'], vscode.ConfigurationTarget.Workspace);
			await edit({ remove: 'authors', term: 'zzqx Workspace Author' });
			assert.deepStrictEqual(config().inspect(AUTHORS).workspaceValue, []);
			assert.deepStrictEqual(userValue(AUTHORS), ['zzqx User Author'], 'the user settings are untouched');
			await waitFor('no author in effect in this workspace', () => api.reading.interests.spec.authors.length === 0);
		} finally {
			await config().update(AUTHORS, undefined, vscode.ConfigurationTarget.Workspace);
			await config().update(AUTHORS, undefined, vscode.ConfigurationTarget.Global);
		}
	});

	it('Follow Category on a category row makes its papers matches and turns the row to Unfollow Category, which undoes it', async () => {
		const bigDay = () => provider.getChildren().find((d) => d.day === BIG_DAY);
		const category = () => provider.getChildren(bigDay()).find((c) => c.name === 'cs.CL');
		assert.ok(category(), 'the big day has cs.CL');
		assert.strictEqual(provider.getTreeItem(category()).contextValue, 'category');
		assert.strictEqual(provider.counts(category()).matches, 0, 'no match before');

		await vscode.commands.executeCommand('arxivDigest.followCategory', category());
		assert.deepStrictEqual(userValue(CATEGORIES), ['cs.CL']);
		await waitFor('cs.CL papers matching', () => provider.counts(category()).matches > 0);
		await waitFor('the row offering Unfollow', () => provider.getTreeItem(category()).contextValue === 'category followed');
		const paper = category().papers.find((p) => api.reading.interests.isMatch(p.paper.id));
		assert.match(String(provider.getTreeItem(paper).description), /✦ cs\.CL/, 'a paper row names the category it matched');

		await vscode.commands.executeCommand('arxivDigest.unfollowCategory', category());
		assert.strictEqual(userValue(CATEGORIES), undefined);
		await waitFor('no cs.CL match', () => provider.counts(category()).matches === 0);
		await waitFor('the row offering Follow again', () => provider.getTreeItem(category()).contextValue === 'category');
	});

	it('A category followed through a prefix (cs for cs.CL) says so on its row, which offers Unfollow, not Follow; Unfollow removes no entry it does not have', async () => {
		const bigDay = () => provider.getChildren().find((d) => d.day === BIG_DAY);
		const category = () => provider.getChildren(bigDay()).find((c) => c.name === 'cs.CL');
		const row = () => provider.getTreeItem(category());
		try {
			await config().update(CATEGORIES, ['cs'], vscode.ConfigurationTarget.Global);
			await waitFor('cs.CL papers matching through cs', () => provider.counts(category()).matches > 0);
			await waitFor('the row followed through cs', () => row().contextValue === 'category followedThrough');
			assert.match(String(row().tooltip), /\nfollowed through “cs”$/);

			await vscode.commands.executeCommand('arxivDigest.unfollowCategory', category());
			assert.deepStrictEqual(userValue(CATEGORIES), ['cs'], 'cs.CL is no entry of the list: nothing removed, nor cs unasked');

			// its own entry as well: that is the one Unfollow removes, and the row is then followed through cs again
			await vscode.commands.executeCommand('arxivDigest.followCategory', category());
			assert.deepStrictEqual(userValue(CATEGORIES), ['cs', 'cs.CL']);
			await waitFor('the row followed by its own entry', () => row().contextValue === 'category followed');
			assert.match(String(row().tooltip), /\nfollowed$/);
			await vscode.commands.executeCommand('arxivDigest.unfollowCategory', category());
			assert.deepStrictEqual(userValue(CATEGORIES), ['cs']);
			await waitFor('the row followed through cs again', () => row().contextValue === 'category followedThrough');
		} finally {
			await vscode.commands.executeCommand('notifications.clearAll');
			await config().update(CATEGORIES, undefined, vscode.ConfigurationTarget.Global);
		}
		await waitFor('the row offering Follow', () => row().contextValue === 'category');
	});
});
