/** How a quoted author filter and a followed author compare names (core/authorNames.ts). */
import * as assert from 'node:assert';
import { foldName, nameHasWords, wantedName } from '../../src/core/authorNames';

const has = (name: string, wanted: string) => nameHasWords(foldName(name), wantedName(wanted));

describe('author names as compared', () => {
	it('takes the wanted words whole and in order, others between them or not', () => {
		assert.ok(has('Yang Liu', 'Yang Liu') && has('Yang J. Liu', 'Yang Liu') && has('Kaiming He Jr', 'Kaiming He'));
		assert.ok(!has('Liu Yang', 'Yang Liu') && !has('Yangyang Liu', 'Yang Liu') && !has('Kaiming Hehe', 'Kaiming He'));
		assert.ok(has('Jürgen Schmidhuber', 'jurgen SCHMIDHUBER'), 'accents and case');
	});

	it('tries every way of reading the words, not the first match only', () => {
		// the first "Xiao" taken for the wanted one left "Xiao-Yang" unread as "Xiao Yang"
		assert.ok(has('Xiao Xiao-Yang Liu', 'Xiao Yang Liu'));
		assert.ok(has('Wei Li Wei Zhang', 'Wei Zhang') && has('Li Wei Li Na', 'Li Na'));
		assert.ok(!has('Wei Li', 'Wei Wei') && !has('Liu Yang Liu', 'Yang Yang'), 'one word is not taken twice');
		assert.ok(has('Yang Yang', 'Yang Yang') && has('Yang Yang-Yang', 'Yang Yang Yang'));
	});

	it('takes a hyphenated word whole, whatever dash writes it, and the wanted name\'s spaces for its hyphens', () => {
		for (const name of ['Xiao-Yang Liu', 'Xiao–Yang Liu', 'Xiao‐Yang Liu', 'Xiao - Yang Liu']) {
			assert.ok(!has(name, 'Yang Liu'), name);
			assert.ok(has(name, 'Xiao Yang Liu') && has(name, 'Xiao-Yang Liu'), name);
		}
	});

	it('leaves out quotes, affiliation marks and other signs of a name (the card searches the name as shown)', () => {
		assert.ok(has('Linxi "Jim" Fan', 'Linxi Fan') && has('Linxi "Jim" Fan', 'Linxi "Jim" Fan') && has('Linxi "Jim" Fan', 'Linxi Jim Fan'));
		assert.ok(has('Shuhan Song§', 'Shuhan Song') && has('Yang Liu¹', 'Yang Liu') && has('Ana Souza*†', 'Ana Souza'));
		assert.ok(has("Conan O'Brien", "Conan O'Brien"));
		assert.strictEqual(wantedName('  '), '');
		assert.ok(!has('Anyone', '"'), 'a name of signs alone finds nobody');
	});
});
