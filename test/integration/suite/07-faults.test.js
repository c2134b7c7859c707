'use strict';
// Faults users meet: bursts of file changes, a digest deleted under its open card.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { FIXTURE, closeAllEditors, extensionApi, fixtureUri, hitsOf, paperIdOf, sleep, waitFor, workspaceRoot } = require('./helpers');

/**
 * A word nothing else contains, at least 3 edits from every other word of the test (search forgives
 * typos): letters only (digits split words), the version salt and each base-26 digit written thrice.
 */
function word(n, version) {
	const salt = ['kkk', 'ppp', 'www', 'ddd'][version];
	let s = '';
	for (let k = 0, v = n; k < 2; k++, v = Math.floor(v / 26)) s += String.fromCharCode(97 + (v % 26)).repeat(3);
	return `zq${salt}${s}`;
}

function digestText(day, title, id) {
	return [
		`# ${day}`, '', `**Report Date:** ${day}`, '', '## cs.XX', '',
		`### [1] [${title}](https://arxiv.org/abs/${id})`,
		'*Test Author* | **Main category: cs.XX**', '', `> **TL;DR:** ${title}.`, '',
	].join('\n');
}

describe('faults: 200 file changes in 5 s', () => {
	const dir = () => path.join(workspaceRoot().fsPath, 'data');
	const files = [];
	after(async () => {
		for (const f of files) fs.rmSync(f, { force: true });
		const api = await extensionApi();
		await waitFor('the burst files to leave the workspace', () => api.workspace.files().length === FIXTURE.days.length, 30_000);
	});

	it('afterwards the workspace, the tree and the index equal the disk', async function () {
		this.timeout(120_000);
		const api = await extensionApi();
		await api.search.api.whenIndexed();
		// 40 files: each created, rewritten three times with a new title word, and 20 of them deleted
		const final = new Map();
		const gone = new Set();
		const ops = [];
		for (let n = 0; n < 40; n++) {
			const day = `2019-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
			const file = path.join(dir(), `${day}.md`);
			files.push(file);
			for (let v = 0; v < 4; v++) ops.push({ file, day, n, v });
			if (n % 2 === 1) ops.push({ file, day, n, v: -1 });
		}
		// interleave: rewrites of different files alternate, as a sync tool writes them
		ops.sort((a, b) => (a.v === -1 ? 4 : a.v) - (b.v === -1 ? 4 : b.v) || a.n - b.n);
		assert.ok(ops.length >= 180, `${ops.length} changes`);
		const started = Date.now();
		for (let k = 0; k < ops.length; k++) {
			const { file, day, n, v } = ops[k];
			const id = `1901.${String(10000 + n)}`;
			if (v === -1) {
				fs.rmSync(file, { force: true });
				gone.add(file);
				final.delete(file);
			} else {
				const title = `Burst paper ${word(n, v)} number ${n}`;
				fs.writeFileSync(file, digestText(day, title, id));
				final.set(file, { word: word(n, v), id, old: [0, 1, 2].filter((x) => x < v).map((x) => word(n, x)) });
			}
			// spread over ~4 s
			if (k % 10 === 9) await sleep(200);
		}
		const burstMs = Date.now() - started;
		assert.ok(burstMs < 6_000, `the burst took ${burstMs} ms`);

		const onDisk = () => new Set([...fs.readdirSync(dir())].filter((f) => f.endsWith('.md')).map((f) => vscode.Uri.file(path.join(dir(), f)).toString()));
		await waitFor('the workspace to list exactly the digests on disk', () => {
			const listed = new Set(api.workspace.files().map((f) => f.uri.toString()));
			const disk = onDisk();
			return listed.size === disk.size && [...disk].every((u) => listed.has(u));
		}, 30_000);
		// every listed burst file holds its last content
		await waitFor('every burst file parsed at its last version', () => [...final].every(([file, want]) => {
			const got = api.workspace.get(vscode.Uri.file(file));
			return got && got.digest.papers.length === 1 && got.digest.papers[0].title.includes(want.word);
		}), 30_000);
		// the tree: fixture days plus one day per surviving burst file, with their papers
		const model = api.tree.provider.model;
		await waitFor('the tree to show one day per digest on disk', () => model.roots().length === FIXTURE.days.length + final.size, 30_000);
		const diskPapers = api.workspace.files().reduce((n, f) => n + f.digest.papers.length, 0);
		assert.strictEqual(model.totalCount(), diskPapers, 'the tree counts the papers on disk');
		for (const file of gone) assert.ok(!api.workspace.get(vscode.Uri.file(file)), `${path.basename(file)} was deleted`);
		// the index: last titles are found, earlier versions and deleted files are not
		await waitFor('search to find every last title', async () => {
			for (const [, want] of final) {
				const ids = hitsOf(await api.search.api.search(want.word, 5)).map(paperIdOf);
				if (!ids.includes(want.id)) return false;
			}
			return true;
		}, 60_000);
		for (const [, want] of final) {
			for (const old of want.old) assert.strictEqual(hitsOf(await api.search.api.search(old, 5)).length, 0, `the replaced title word ${old} is still indexed`);
		}
		for (let n = 1; n < 40; n += 2) {
			for (let v = 0; v < 4; v++) assert.strictEqual(hitsOf(await api.search.api.search(word(n, v), 5)).length, 0, `deleted file ${n} is still indexed`);
		}
	});
});

describe('faults: a digest deleted while its card is open', () => {
	const file = () => path.join(workspaceRoot().fsPath, 'data', '2018-05-05.md');
	after(async () => {
		fs.rmSync(file(), { force: true });
		await closeAllEditors();
	});

	it('the card says the file was deleted', async () => {
		const api = await extensionApi();
		fs.writeFileSync(file(), digestText('2018-05-05', 'Doomed paper about ephemeral files', '1805.00005'));
		const uri = vscode.Uri.file(file()).toString();
		await waitFor('the new digest in the workspace', () => api.workspace.get(vscode.Uri.file(file())), 20_000);
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri, id: '1805.00005' });
		await waitFor('its card', () => paperIdOf(api.cards.api.current()) === '1805.00005');
		await waitFor('the card body', () => (api.cards.api.renderedHtml() || '').includes('Doomed paper'));
		fs.rmSync(file());
		await waitFor('the card to say the digest was deleted', () => /was deleted/.test(api.cards.api.renderedHtml() || ''), 20_000);
		assert.ok(api.cards.api.renderedHtml().includes('2018-05-05.md'), `names the file: ${api.cards.api.renderedHtml()}`);
		assert.strictEqual(api.cards.api.panelCount(), 1, 'the card stays open');
	});
});
