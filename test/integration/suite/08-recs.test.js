'use strict';
// Similar papers and "For you" in the real editor: the card's section, Show Similar Papers, the
// model trained in the index worker on the reader's stars, and the Papers view's "For you" order.
const assert = require('assert');
const vscode = require('vscode');
const { FIXTURE, closeAllEditors, extensionApi, fixtureUri, paperIdOf, waitFor } = require('./helpers');

describe('recs: similar papers and For you', () => {
	let api;
	let savedStars;
	const big = FIXTURE.big;
	const starredIds = () => [...api.library.store.library.collections.find((c) => c.name === 'Starred').ids];
	const queryIds = async (query) => {
		const reply = await vscode.commands.executeCommand('arxivDigest.internal.queryIds', query);
		assert.ok(reply && reply.ids, `query ${query}: ${JSON.stringify(reply)}`);
		return reply.ids;
	};
	/** the reader's stars become exactly `ids`, through the Star command as the Papers view runs it */
	const setStars = async (ids) => {
		const now = starredIds();
		if (now.length) await vscode.commands.executeCommand('arxivDigest.toggleStar', { id: now[0] }, now.map((id) => ({ id })));
		if (ids.length) await vscode.commands.executeCommand('arxivDigest.toggleStar', { id: ids[0] }, ids.map((id) => ({ id })));
		assert.deepStrictEqual(starredIds().sort(), [...ids].sort());
	};
	const idsOf = (relative) => api.workspace.get(fixtureUri(relative)).digest.papers.map((p) => p.id);

	before(async () => {
		api = await extensionApi();
		assert.ok(api.recs, 'exports.recs is missing');
		await api.search.api.whenIndexed();
		savedStars = starredIds();
	});
	after(async () => {
		await vscode.workspace.getConfiguration().update('arxivDigest.tree.viewMode', undefined, vscode.ConfigurationTarget.Global);
		await setStars(savedStars);
		await closeAllEditors();
	});

	it('Show Similar Papers lists the nearest papers (at most 10, each at least 11 % alike), each saying what it has in common and opening its card', async () => {
		const backend = await api.workspace.backend();
		const expected = await backend.service.similar(big.first.id, 10);
		assert.ok(expected.length >= 1 && expected.length <= 10 && expected.every((h) => h.score >= 0.11), JSON.stringify(expected.map((h) => h.score)));
		const loose = await backend.service.similar(big.first.id, 10, 0);
		assert.strictEqual(loose.length, 10, 'without the floor, 10');
		assert.deepStrictEqual(loose.slice(0, expected.length).map((h) => h.id), expected.map((h) => h.id), 'the floor only cuts the tail');
		await vscode.commands.executeCommand('arxivDigest.showSimilarPapers', { uri: fixtureUri(FIXTURE.files.big).toString(), id: big.first.id });
		const pick = await waitFor('the similar papers in the quick pick', () => {
			const p = api.recs.api.openPick();
			return p && !p.busy && p.items.length > 0 && p;
		});
		assert.deepStrictEqual(
			pick.items.map((i) => i.ref.id),
			expected.map((h) => h.id),
		);
		assert.ok(!pick.items.some((i) => i.ref.id === big.first.id), 'the paper itself is not similar to itself');
		// no percent (a typical nearest paper's 14 % read as barely similar): the day and category, then the words in common
		const answer = await api.recs.api.similar(big.first.id);
		assert.deepStrictEqual(answer.map((p) => p.id), expected.map((h) => h.id));
		assert.ok(answer.every((p) => p.words.length > 0 && p.words.length <= 3), JSON.stringify(answer.map((p) => p.words)));
		pick.items.forEach((item, i) => {
			assert.strictEqual(item.description, [answer[i].day, answer[i].category].filter(Boolean).join(' · '));
			assert.strictEqual(item.detail, [`In common: ${answer[i].words.join(', ')}`, answer[i].authors.join(', ')].filter(Boolean).join(' · '));
		});
		// each word is the paper's, as it writes it
		const text = (await api.workspace.loadPaper(api.workspace.findPaper(big.first.id)[0])).paper;
		const written = [text.title, text.abstract, text.translatedTitle].join('\n').toLowerCase();
		for (const word of answer.flatMap((p) => p.words)) assert.ok(written.includes(word.toLowerCase()), `${word} is not in ${big.first.id}'s title or abstract`);
		// each item opens its paper from the digest that lists it (picking by keyboard: test/ui)
		pick.hide();
		// the last listed: the fixture's papers are few, and few pass the floor
		const last = pick.items.length - 1;
		const item = pick.items[last];
		assert.ok(item.ref.uri && api.workspace.get(vscode.Uri.parse(item.ref.uri)), `${item.ref.uri} is a digest of the workspace`);
		await vscode.commands.executeCommand('arxivDigest.openCard', item.ref);
		await waitFor('the card of the last paper listed', () => paperIdOf(api.cards.api.current()) === expected[last].id);
	});

	it('the card lists its similar papers after it painted; a click opens that card; a stale answer is dropped', async () => {
		const second = big.second.id;
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: fixtureUri(FIXTURE.files.big).toString(), id: big.first.id });
		// straight on to another paper: the first paper's answer must never replace the second's
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: fixtureUri(FIXTURE.files.big).toString(), id: second });
		const shown = await waitFor('the similar papers of the second paper in its card', () => {
			const s = api.cards.api.similarShown();
			return s && s.id === second && /data-action="openSimilar"/.test(s.html) && s;
		});
		const expected = await api.recs.api.similar(second);
		const listed = [...shown.html.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]);
		assert.deepStrictEqual(listed, expected.map((p) => p.id));
		// each row says what it has in common with the card's paper; the cosine is the row's tooltip, no percent shown
		assert.deepStrictEqual(
			[...shown.html.matchAll(/<span class="similar-why" id="[^"]+">In common: ([^<]*)<\/span>/g)].map((m) => m[1]),
			expected.filter((p) => p.words.length).map((p) => p.words.join(', ')),
		);
		assert.ok(expected.some((p) => p.words.length), JSON.stringify(expected));
		assert.deepStrictEqual(
			[...shown.html.matchAll(/title="Cosine similarity \(TF-IDF of title and abstract\): ([\d.]+)"/g)].map((m) => m[1]),
			expected.map((p) => p.score.toFixed(2)),
		);
		assert.ok(!/\d%|<meter/.test(shown.html), shown.html);
		await api.recs.api.similar(big.first.id);
		assert.strictEqual(api.cards.api.similarShown().id, second, 'the first paper\'s answer came late and was dropped');
		await api.cards.api.receive({ type: 'openSimilar', id: listed[0] });
		await waitFor('the similar paper in the card', () => paperIdOf(api.cards.api.current()) === listed[0]);
		await waitFor('its own similar papers', () => {
			const s = api.cards.api.similarShown();
			return s && s.id === listed[0] && /data-action="openSimilar"/.test(s.html);
		});
	});

	it('with fewer than 5 stars For you falls back to the interests and says so', async () => {
		await setStars(idsOf(FIXTURE.files.big).slice(0, 3));
		const ranking = await api.recs.api.ranking();
		assert.deepStrictEqual(ranking, { kind: 'interests', stars: 3 });
		const openForYou = async () => {
			await vscode.commands.executeCommand('arxivDigest.showForYou');
			return waitFor('the For You quick pick', () => {
				const p = api.recs.api.openPick();
				return p && !p.busy && p.items.length > 0 && p;
			});
		};
		// no interests either: newest first, each paper described by its day alone
		let pick = await openForYou();
		assert.match(pick.title, /fewer than 5 starred papers \(3\) and no interests: newest first/);
		assert.deepStrictEqual(pick.items.filter((i) => !/^\d{4}-\d{2}-\d{2}$/.test(i.description)).map((i) => i.description), []);
		pick.hide();
		// with an interest: ranked by it, its matches first with their count of matched words
		const keywords = 'arxivDigest.interests.keywords';
		await vscode.workspace.getConfiguration().update(keywords, ['tracking'], vscode.ConfigurationTarget.Global);
		try {
			await waitFor('UniTrack to match "tracking"', () => api.reading.interests.isMatch(big.second.id));
			pick = await openForYou();
			assert.match(pick.title, /fewer than 5 starred papers \(3\), ranked by your interests/);
			// a match's description starts with how many interests it matches; matches come first
			const matched = pick.items.map((i) => api.reading.interests.isMatch(i.id));
			pick.items.forEach((i, n) => assert.match(i.description, matched[n] ? /^(1 interest|\d+ interests) matched · \d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}$/));
			assert.deepStrictEqual(matched, [...matched].sort((a, b) => Number(b) - Number(a)), 'matches first');
			pick.hide();
		} finally {
			await vscode.workspace.getConfiguration().update(keywords, undefined, vscode.ConfigurationTarget.Global);
		}
	});

	it('starring papers changes the For you order (the model retrains in the worker after the stars settle)', async () => {
		const bigIds = new Set(idsOf(FIXTURE.files.big));
		const newest = new Set(idsOf(FIXTURE.files.second));
		const topic = async (word) => (await queryIds(word)).filter((id) => bigIds.has(id));
		const videoStars = await topic('video');
		const agentStars = (await topic('agent')).filter((id) => !videoStars.includes(id));
		assert.ok(videoStars.length >= 5 && agentStars.length >= 5, `${videoStars.length} video, ${agentStars.length} agent stars`);
		const videoNew = new Set((await queryIds('video')).filter((id) => newest.has(id)));
		const agentNew = new Set((await queryIds('agent')).filter((id) => newest.has(id)));
		// the newest day's papers by the model's score
		const top = async () => {
			const scores = await api.recs.api.scores([...newest]);
			return [...newest].sort((a, b) => scores.get(b) - scores.get(a)).slice(0, 5);
		};
		// how well a ranking puts the papers of `set` above the others: the share of (paper of the set,
		// other paper) pairs it orders that way (ROC AUC); 0.5 is chance
		const auc = (scores, set) => {
			const ids = [...newest];
			const pos = ids.filter((id) => set.has(id));
			const neg = ids.filter((id) => !set.has(id));
			let wins = 0;
			for (const p of pos) for (const n of neg) wins += scores.get(p) > scores.get(n) ? 1 : scores.get(p) === scores.get(n) ? 0.5 : 0;
			return wins / (pos.length * neg.length);
		};

		// Show For You lists unread papers: the day ranked here is unread, as a new day is
		// (earlier suites marked it read)
		api.reading.store.markUnread([...newest]);
		const trained = api.recs.api.trainings().count;
		await setStars(videoStars);
		// "For you" was used (previous test): the stars' change retrains without being asked
		await waitFor('a retrain after the stars changed', () => api.recs.api.trainings().count > trained && !api.recs.api.trainings().pending);
		const byVideo = await api.recs.api.forYou(20);
		assert.strictEqual(byVideo.ranking.kind, 'model');
		assert.strictEqual(byVideo.ranking.positives, videoStars.length);
		assert.ok(byVideo.items.length > 0 && byVideo.items.every((i) => api.reading.statusOn(i.id, undefined) !== 'read'), 'unread papers only');
		const videoTop = await top();
		const videoScores = await api.recs.api.scores([...newest]);
		const diagnosis = () => JSON.stringify({ byVideo: { ...byVideo.ranking, model: undefined }, videoNew: [...videoNew].map((id) => [id, videoScores.get(id)]), videoTop: videoTop.map((id) => [id, videoScores.get(id)]) });

		await setStars(agentStars);
		const byAgent = await api.recs.api.forYou(20);
		assert.strictEqual(byAgent.ranking.kind, 'model');
		const agentTop = await top();
		const agentScores = await api.recs.api.scores([...newest]);
		assert.notDeepStrictEqual(agentTop, videoTop);
		// each model ranks the newest day's papers of its own topic higher than the other model does
		const video = { byVideo: auc(videoScores, videoNew), byAgent: auc(agentScores, videoNew) };
		const agent = { byVideo: auc(videoScores, agentNew), byAgent: auc(agentScores, agentNew) };
		assert.ok(video.byVideo > video.byAgent, `video papers ranked (AUC) ${video.byVideo.toFixed(2)} by video stars, ${video.byAgent.toFixed(2)} by agent stars; ${diagnosis()}`);
		assert.ok(agent.byAgent > agent.byVideo, `agent papers ranked (AUC) ${agent.byAgent.toFixed(2)} by agent stars, ${agent.byVideo.toFixed(2)} by video stars; ${diagnosis()}`);

		// Why? names words of the paper that weighed for it
		const why = await api.recs.api.explain(agentTop[0]);
		assert.ok(why.length > 0 && why.every((w) => w.trim() !== "" && !/[+]\d|\d\.\d\d$/.test(w)), JSON.stringify(why));
		assert.strictEqual(new Set(why.map((w) => w.toLowerCase())).size, why.length, `each word once: ${JSON.stringify(why)}`);
	});

	it('the Papers view in "For you" mode lists a day\'s papers by the model\'s score', async () => {
		await vscode.commands.executeCommand('arxivDigest.setViewMode', 'forYou');
		const provider = api.tree.provider;
		const day = provider.model.roots().find((d) => d.day === FIXTURE.days[0]);
		assert.ok(day, 'the newest day in the view');
		const papers = await waitFor('the day ordered by For you', () => {
			if (api.reading.viewMode() !== 'forYou') return undefined;
			const scores = provider.forYou.scores(day);
			return scores && scores.size > 0 && provider.getChildren(day);
		});
		assert.ok(papers.every((p) => p.kind === 'paper'), 'papers straight under the day');
		assert.strictEqual(papers.length, day.categories.reduce((n, c) => n + c.papers.length, 0));
		const scores = provider.forYou.scores(day);
		const ordered = papers.map((p) => scores.get(p.paper.id));
		assert.deepStrictEqual([...ordered].sort((a, b) => b - a), ordered);
		assert.match(provider.getTreeItem(papers[0]).description, /^(★ )?top \d+%/, 'the best paper of the day is in its top few percent');
		// the worse half unlabelled: "top 100%" said nothing
		assert.doesNotMatch(provider.getTreeItem(papers[papers.length - 1]).description, /top \d+%|^ · /, 'the day\'s last paper');
		assert.strictEqual(provider.getParent(papers[0]), day);
	});

	it('the Papers view\'s "For you" lists the day\'s starred papers last, unlabelled, as Show For You leaves them out', async () => {
		const provider = api.tree.provider;
		const day = provider.model.roots().find((d) => d.day === FIXTURE.days[0]);
		const rows = () => provider.getChildren(day);
		// star the day's two best papers besides the model's stars: before, they stayed on top ("top 8%")
		const best = rows().slice(0, 2).map((p) => p.paper.id);
		const stars = [...new Set([...starredIds(), ...best])];
		await setStars(stars);
		const papers = await waitFor('the day ordered without its stars', () => {
			const scores = provider.forYou.scores(day);
			return scores && scores.size > 0 && !best.some((id) => scores.has(id)) && rows();
		});
		const scores = provider.forYou.scores(day);
		const starred = papers.filter((p) => stars.includes(p.paper.id));
		assert.ok(starred.length >= 2, `${starred.length} starred papers on the day`);
		assert.deepStrictEqual(papers.slice(-starred.length), starred, 'the starred papers come last');
		const ordered = papers.slice(0, -starred.length).map((p) => scores.get(p.paper.id));
		assert.ok(ordered.every((s) => typeof s === 'number'), 'every unstarred paper has a score');
		assert.deepStrictEqual([...ordered].sort((a, b) => b - a), ordered);
		for (const p of starred) assert.match(provider.getTreeItem(p).description, /^★ (?!.*top \d+%)/, `a starred row is marked, not ranked: ${provider.getTreeItem(p).description}`);
		assert.match(provider.getTreeItem(papers[0]).description, /^top \d+%/, 'the best unstarred paper of the day');
	});
});
