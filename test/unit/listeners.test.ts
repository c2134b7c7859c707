import * as assert from 'node:assert';
import { Listeners } from '../../src/core/listeners';

describe('listeners (the core\'s event lists)', () => {
	it('fires every listener in the order added, with the arguments; a disposed one no more', () => {
		const heard: string[] = [];
		const listeners = new Listeners<[word: string, n: number]>();
		const first = listeners.add((w, n) => heard.push(`first ${w} ${n}`));
		listeners.add((w, n) => heard.push(`second ${w} ${n}`));
		listeners.fire('a', 1);
		first.dispose();
		listeners.fire('b', 2);
		assert.deepStrictEqual(heard, ['first a 1', 'second a 1', 'second b 2']);
	});

	it('a fire calls the listeners added before it: one removing itself or adding another meanwhile changes the next fire only', () => {
		const heard: string[] = [];
		const listeners = new Listeners<[]>();
		const once = listeners.add(() => {
			heard.push('once');
			once.dispose();
			listeners.add(() => heard.push('added'));
		});
		listeners.add(() => heard.push('always'));
		listeners.fire();
		assert.deepStrictEqual(heard, ['once', 'always']);
		listeners.fire();
		assert.deepStrictEqual(heard, ['once', 'always', 'always', 'added']);
	});
});
