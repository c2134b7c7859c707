/** Notifications show text of digests and settings as text, never as a link the workbench runs (core/messageText.ts). */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { plainMessageText } from '../../src/core/messageText';

/** The links the workbench reads in a notification's text: `[label](target)`, the target a web, command or file address. */
const links = (message: string) => [...message.matchAll(/\[[^\]]+\]\((?:https?:\/\/|command:|file:)[^)\s]+(?: "[^"]*")?\)/gi)].map((m) => m[0]);

describe('notification texts', () => {
	it('a title, file name or setting that writes a link stays text', () => {
		const title = 'A study [Open the paper](command:workbench.action.terminal.new "Open")';
		assert.strictEqual(links(`“${title}” has no web link in the digest.`).length, 1, 'the link the workbench would run');
		for (const text of [title, 'Every paper of [Undo](command:workbench.action.terminal.new) was read already.', '[x](https://evil.example/) and [y](file:///etc/passwd)']) {
			const plain = plainMessageText(text);
			assert.deepStrictEqual(links(plain), [], plain);
			assert.strictEqual(plain.replace(/\u200B/g, ''), text, 'it reads as written');
		}
		assert.strictEqual(plainMessageText('Cannot read data/2026-02-06.md: [Errno 2] (no such file)'), 'Cannot read data/2026-02-06.md: [Errno 2] (no such file)');
	});

	it('every feature shows its notifications and confirmations through features/messages.ts (a confirmation is spoken there)', () => {
		const direct: string[] = [];
		let read = 0;
		const walk = (dir: string): void => {
			for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
				const file = path.join(dir, entry.name);
				if (entry.isDirectory()) walk(file);
				else if (file.endsWith('.ts') && ++read > 0 && !file.endsWith(path.join('features', 'messages.ts')) && /vscode\.window\.(show(Information|Warning|Error)Message|setStatusBarMessage)\b/.test(fs.readFileSync(file, 'utf8'))) direct.push(file);
			}
		};
		walk(path.join(__dirname, '..', '..', 'src'));
		assert.ok(read > 100, `the sources read (${read})`);
		assert.deepStrictEqual(direct, []);
	});
});
