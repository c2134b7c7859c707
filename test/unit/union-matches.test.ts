import * as assert from 'node:assert';
import { unionMatches } from '../../src/core/unionMatches';

describe('unionMatches', () => {
	const texts = (text: string, patterns: RegExp[], limit?: number) => unionMatches(text, patterns, limit).map((m) => `${m.index}:${m.text}`);

	it('takes the matches of several patterns left to right, never overlapping', () => {
		assert.deepStrictEqual(texts('GAN world model gan WORLD', [/world( model)?/giu, /GAN/gu]), ['0:GAN', '4:world model', '20:WORLD']);
	});

	it('takes the longer match where two start at one place, and skips one that starts inside a match', () => {
		assert.deepStrictEqual(texts('diffusion policy', [/diffusion/g, /diffusion policy/g, /policy/g]), ['0:diffusion policy']);
		assert.deepStrictEqual(texts('abcd', [/abc/g, /bcd/g, /d/g]), ['0:abc', '3:d']);
	});

	it('skips empty matches, keeps to the limit and starts each pattern afresh', () => {
		const pattern = /x*/g;
		pattern.lastIndex = 5;
		assert.deepStrictEqual(texts('axxbx', [pattern]), ['1:xx', '4:x']);
		assert.deepStrictEqual(texts('a a a a', [/a/g], 2), ['0:a', '2:a']);
		assert.deepStrictEqual(texts('nothing', []), []);
		// a pattern that can match nothing, over emoji and math letters (two code units each): it ends
		assert.deepStrictEqual(texts('😀😀 ab 𝑥', [/x*/gu, /ab/gu]), ['5:ab']);
	});
});
