// Shared by the in-editor tests: the fixture contract, the extension's API, bounded polling.
'use strict';
const assert = require('assert');
const vscode = require('vscode');

const FIXTURE = require('../../fixtures/e2e/fixture.json');
const EXTENSION_ID = 'arxiv-digest.arxiv-digest';

function workspaceRoot() {
	const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
	assert.ok(folder, 'the suite needs the fixture workspace open as the first folder');
	return folder.uri;
}

function fixtureUri(relative) {
	return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

let apiPromise;
/** The extension's exported API (`{ workspace, tree, cards, search }`), activating it once. */
function extensionApi() {
	if (!apiPromise) {
		apiPromise = (async () => {
			const ext = vscode.extensions.getExtension(EXTENSION_ID);
			assert.ok(ext, `${EXTENSION_ID} is not installed in this editor`);
			const api = await ext.activate();
			assert.ok(api && typeof api === 'object', 'activate() returned no API object');
			if (api.workspace && api.workspace.ready) {
				await api.workspace.ready;
			}
			return api;
		})();
	}
	return apiPromise;
}

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/** Polls until `probe()` is truthy; the failure names what was awaited and the last value seen. */
async function waitFor(what, probe, timeoutMs = 20_000) {
	const started = Date.now();
	let last;
	let lastError;
	while (Date.now() - started < timeoutMs) {
		try {
			last = await probe();
			if (last) {
				return last;
			}
		} catch (err) {
			lastError = err;
		}
		await sleep(100);
	}
	const seen = lastError ? `last error: ${lastError.message}` : `last value: ${JSON.stringify(last)}`;
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${seen})`);
}

/** The editor groups and their tabs as the workbench reports them now, for a failure's message. */
function editorsNow() {
	const tabs = vscode.window.tabGroups.all.map((g) => {
		const names = g.tabs.map((t) => `${t.label}${t.isActive ? '*' : ''}`).join(', ');
		return `group ${g.viewColumn}${g.isActive ? ' (active)' : ''}: ${names}`;
	});
	const active = vscode.window.activeTextEditor;
	return `${tabs.join('; ')}; active text editor: ${active ? `${active.document.uri.toString()} in ${active.viewColumn}` : 'none'}`;
}

/**
 * Opens a fixture file in an editor and returns the document as it is once the extension had
 * the chance to switch its language (setTextDocumentLanguage replaces the document object).
 */
async function openFixture(relative, expectedLanguage) {
	const uri = fixtureUri(relative);
	await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
	if (expectedLanguage) {
		await waitFor(`${relative} to have language ${expectedLanguage}`, () => openDocument(uri)?.languageId === expectedLanguage);
	}
	return openDocument(uri);
}

/** The document open for `uri`, as it is now (a language switch replaces the document object). */
function openDocument(uri) {
	return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Paper id of whatever a feature hands back: a PaperRef, a PaperLocation, a search hit, a tree node. */
function paperIdOf(value) {
	if (!value) {
		return undefined;
	}
	if (typeof value === 'string') {
		return value;
	}
	if (value.paper && typeof value.paper.id === 'string') {
		return value.paper.id;
	}
	if (value.ref) {
		return paperIdOf(value.ref);
	}
	if (value.location) {
		return paperIdOf(value.location);
	}
	return typeof value.id === 'string' ? value.id : undefined;
}

/** Search results may come as an array or as `{ hits|results|items }`. */
function hitsOf(value) {
	if (Array.isArray(value)) {
		return value;
	}
	for (const key of ['hits', 'results', 'items']) {
		if (value && Array.isArray(value[key])) {
			return value[key];
		}
	}
	assert.fail(`search returned neither an array nor { hits }: ${JSON.stringify(value).slice(0, 200)}`);
}

/**
 * The suite runs in the Node extension host and, bundled, in the browser's web-worker extension host
 * (the web build, test/integration/web-runner). There files are reached only through
 * `vscode.workspace.fs`, which both hosts have, so fixtures are written and read through it.
 */
const IN_BROWSER = typeof process === 'undefined' || !process.versions || !process.versions.node;

/** Skips the calling test (`this` of a mocha `it`/`before`) in the web-worker host, saying why. */
function nodeOnly(context, reason) {
	if (IN_BROWSER) {
		context.test.title += ` [skipped in the web-worker host: ${reason}]`;
		context.skip();
	}
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Writes `content` (text or bytes) to `uri`, creating its folders, as another program would. */
async function writeFile(uri, content) {
	await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? encoder.encode(content) : content);
}

async function readText(uri) {
	return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

/** Deletes a file or a folder with what it holds; a missing one is no error. */
async function remove(uri) {
	try {
		await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
	} catch (err) {
		if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound')) throw err;
	}
}

/** Names of the files in a folder. */
async function fileNames(folder) {
	return (await vscode.workspace.fs.readDirectory(folder)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
}

function dirname(uri) {
	return vscode.Uri.joinPath(uri, '..');
}

/** A fresh folder next to the workspace folder (outside it, so the extension does not watch it). */
let scratchCount = 0;
async function scratchFolder(name) {
	const uri = vscode.Uri.joinPath(workspaceRoot(), '..', `${name}-${Date.now().toString(36)}-${scratchCount++}`);
	await vscode.workspace.fs.createDirectory(uri);
	return uri;
}

/** Waits until the workspace holds the fixture's digests alone again (a test's own digests deleted and heard of). */
async function fixtureDaysOnly(what) {
	const api = await extensionApi();
	await waitFor(what, () => api.workspace.files().length === FIXTURE.days.length, 30_000);
}

async function closeAllEditors() {
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A small digest of one category; `papers` are [id, title, tldr]. */
function digestText(day, papers, { claimedTotal = papers.length, closeDetails = () => true } = {}) {
	const lines = [`# ${day}`, '', '## Contents', '', `- [cs.AI](#cs.AI) [Total: ${claimedTotal}]`, '', '## cs.AI', ''];
	papers.forEach(([id, title, tldr], i) => {
		lines.push(
			`### [${i + 1}] [${title}](https://arxiv.org/abs/${id})`,
			'*Ada Lovelace, Grace Hopper* | **Main category: cs.AI**',
			'',
			`> **TL;DR:** ${tldr}`,
			'',
			'<details>',
			'  <summary>Details</summary>',
			'',
			`**Abstract:** ${tldr} We describe it at length.`,
			'',
		);
		if (closeDetails(i)) lines.push('</details>', '', '---', '');
	});
	return lines.join('\n');
}

module.exports = {
	FIXTURE, EXTENSION_ID, IN_BROWSER, closeAllEditors, dirname, editorsNow, extensionApi, fileNames, fixtureDaysOnly, fixtureUri, hitsOf, nodeOnly, openDocument, openFixture, paperIdOf,
	digestText, readText, remove, scratchFolder, sleep, waitFor, workspaceRoot, writeFile,
};
