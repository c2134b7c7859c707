// Starting code-server over a folder and installing VSIXs into it; shared by run-e2e and start.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, CS_ENTRY, NODE24, REPO, findFiles, log, run, startProcess, tailOf, waitForHttp } from './lib.mjs';
import { codeServerEnv } from './prepare.mjs';

/** Settings that keep a fresh profile quiet: no welcome page, tips, update or telemetry prompts. */
export const QUIET_SETTINGS = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'workbench.welcomePage.walkthroughs.openOnInstall': false,
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'chat.disableAIFeatures': true,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'extensions.ignoreRecommendations': true,
	'security.workspace.trust.startupPrompt': 'never',
	'security.workspace.trust.banner': 'always',
	'window.commandCenter': false,
	'editor.minimap.enabled': false,
	'files.hotExit': 'off',
	'git.openRepositoryInParentFolders': 'never',
};

export function writeUserSettings(userDataDir, settings) {
	const dir = join(userDataDir, 'User');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, '\t'));
}

/** Installs a VSIX the way a user would, offline, into the given extensions dir. */
export async function installVsix(vsix, { extensionsDir, userDataDir, logFile }) {
	await run(NODE24, [CS_ENTRY, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'], {
		env: codeServerEnv(), logFile, timeoutMs: 120_000,
	});
	const installed = readFileSync(logFile, 'utf8');
	if (!/successfully installed/i.test(installed)) {
		throw new Error(`installing ${vsix} printed no success message\n${tailOf(logFile, 20)}`);
	}
}

/**
 * The test-runner extension is installed only into test profiles, as a VSIX like the real one
 * (code-server drops extension folders that its install registry does not list).
 */
export async function installTestRunner(profile) {
	await packAndInstall(join(REPO, 'test', 'integration', 'runner-extension'), 'test-runner', profile);
}

/** Packs a test-only extension folder into .vscode-test/<name>.vsix and installs it into the profile. */
export async function packAndInstall(source, name, { extensionsDir, userDataDir, logFile }) {
	const vsix = join(CACHE, `${name}.vsix`);
	await run(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
		cwd: source, capture: true, timeoutMs: 120_000,
	});
	await installVsix(vsix, { extensionsDir, userDataDir, logFile: logFile.replace(/(\.log)?$/, `-${name}.log`) });
}

/**
 * code-server 4.139 offline ignores `--locale zh-cn` without a language pack for that language (the
 * workbench and the extension host resolve to `en`, so extensions get no package.nls.zh-cn.json or
 * l10n bundle either; checked). Microsoft's pack cannot be downloaded here, so the Chinese UI run
 * installs a stub that declares zh-cn with no translations of VS Code itself: VS Code's own UI stays
 * English, the extension's strings are what is tested.
 */
export async function installLanguagePackStub({ extensionsDir, userDataDir, logFile }) {
	await packAndInstall(join(REPO, 'test', 'harness', 'zh-cn-language-pack'), 'test-language-pack-zh-cn', { extensionsDir, userDataDir, logFile });
	// what VS Code's language pack service writes once it sees an installed pack (the CLI install does
	// not run that service): code-server reads it to resolve --locale when it serves the workbench
	const id = 'arxiv-digest-tests.test-language-pack-zh-cn';
	writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify({
		'zh-cn': {
			hash: 'arxivdigeststub001',
			extensions: [{ extensionIdentifier: { id }, version: '0.0.1' }],
			translations: { vscode: join(extensionsDir, `${id}-0.0.1`, 'translations', 'main.i18n.json') },
			label: '中文(简体)',
		},
	}, null, '\t'));
}

/**
 * Starts code-server on 127.0.0.1:port over `folder`; `trust: false` leaves workspace trust on,
 * so the folder opens in Restricted Mode. Resolves once the server answers HTTP.
 */
export async function startCodeServer({ port, folder, userDataDir, extensionsDir, logFile, trust = true, env = {}, dataHome, locale, logLevel }) {
	const args = [
		CS_ENTRY,
		'--auth', 'none',
		'--bind-addr', `127.0.0.1:${port}`,
		'--user-data-dir', userDataDir,
		'--extensions-dir', extensionsDir,
		'--disable-telemetry',
		'--disable-update-check',
		'--disable-getting-started-override',
		'--ignore-last-opened',
		...(trust ? ['--disable-workspace-trust'] : []),
		// E2E_LOG=trace: the extension host logs more (activation details) for --keep runs; `logLevel`:
		// a test run's, for this extension's own log too (debug: the Papers view's follows, the index's
		// steps), whose last lines a failure prints (editorLogs). code-server takes a level alone, not
		// VS Code's `<extension id>:<level>`
		...(process.env.E2E_LOG || logLevel ? ['--log', process.env.E2E_LOG || logLevel] : []),
		// the display language (`zh-cn`): VS Code picks package.nls.<locale>.json and l10n bundles by it
		...(locale ? ['--locale', locale] : []),
		folder,
	];
	const proc = startProcess(NODE24, args, {
		env: codeServerEnv({ ...env, ...(dataHome ? { XDG_DATA_HOME: dataHome } : {}) }),
		logFile,
		name: `code-server :${port}${trust ? '' : ' (restricted)'}`,
	});
	try {
		await waitForHttp(`http://127.0.0.1:${port}/healthz`, {
			timeoutMs: 60_000,
			describe: () => (proc.exited ? 'code-server exited\n' : '') + tailOf(logFile, 30),
		});
	} catch (err) {
		await proc.stop();
		throw err;
	}
	log(`  code-server pid ${proc.pid} on http://127.0.0.1:${port}/ (${trust ? 'trusted' : 'Restricted Mode'})`);
	return proc;
}

export function workbenchUrl(port, folder) {
	return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
}

/**
 * For failure messages: the tail of code-server's log and, from the extension host logs, the lines
 * about this extension and every warning or error (the rest is a list of built-in extensions).
 */
export function editorLogs(userDataDir, serverLog, lines = 40) {
	const parts = [tailOf(serverLog, Math.min(lines, 15))];
	for (const file of findFiles(join(userDataDir, 'logs'), /^(remoteexthost|exthost)\.log$/)) {
		const relevant = readFileSync(file, 'utf8').split('\n').filter((l) => /arxiv|\[(error|warning)\]|^\s+at /i.test(l));
		parts.push(`--- ${file} (extension and error lines) ---\n${relevant.slice(-lines).join('\n')}`);
	}
	// the extension's own output channel, of each window in turn (each test file opens one; a reload starts
	// another extension host): the failing test's is not always the newest
	const own = findFiles(join(userDataDir, 'logs'), /^arXiv Digest\.log$/).sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
	for (const file of own) parts.push(tailOf(file, Math.min(lines, 12)));
	return parts.join('\n');
}
