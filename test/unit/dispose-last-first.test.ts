import * as assert from 'node:assert';
import { withFakeVscode } from './fake-vscode';

describe('disposeLastFirst', () => {
	let utils: typeof import('../../src/features/vsc-utils');
	withFakeVscode(() => (utils = require('../../src/features/vsc-utils')));

	it('disposes the last registered first and empties the list', () => {
		const order: string[] = [];
		const list = ['store', 'view', 'card'].map((name) => ({ dispose: () => order.push(name) }));
		utils.disposeLastFirst(list);
		assert.deepStrictEqual(order, ['card', 'view', 'store']);
		assert.strictEqual(list.length, 0, 'a second call disposes nothing twice');
		utils.disposeLastFirst(list);
		assert.deepStrictEqual(order, ['card', 'view', 'store']);
	});

	it('one that throws does not keep the others from being disposed; its error is thrown after', () => {
		const order: string[] = [];
		const list = [
			{ dispose: () => order.push('first') },
			{ dispose: () => { throw new Error('broken'); } },
			{ dispose: () => order.push('last') },
		];
		assert.throws(() => utils.disposeLastFirst(list), /broken/);
		assert.deepStrictEqual(order, ['last', 'first']);
	});
});
