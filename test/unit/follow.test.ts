import * as assert from 'node:assert';
import { FollowRequests } from '../../src/core/follow';

describe('what the Papers view follows (FollowRequests)', () => {
	it('the newest ask wins, the cursor\'s or a card\'s, and drops the row the one before wanted', () => {
		const follow = new FollowRequests<'cursor' | { id: string }>();
		assert.strictEqual(follow.latest, undefined);
		follow.ask('cursor');
		follow.aimAt('paper:a');
		const card = { id: 'b' };
		follow.ask(card);
		assert.strictEqual(follow.latest, card);
		assert.strictEqual(follow.wanted, undefined);
		follow.aimAt('paper:b');
		follow.ask('cursor');
		assert.strictEqual(follow.latest, 'cursor');
		assert.strictEqual(follow.wanted, undefined);
	});

	it('keeps the wanted row through its own selection and an empty one (a refresh), until the reader selects another', () => {
		const follow = new FollowRequests<string>();
		follow.ask('card');
		follow.aimAt('paper:b');
		follow.selectionChanged(['paper:b']);
		assert.strictEqual(follow.wanted, 'paper:b', 'the reveal\'s own row');
		follow.selectionChanged([]);
		assert.strictEqual(follow.wanted, 'paper:b', 'a refresh took the row out of the selection');
		follow.selectionChanged(['paper:b', 'paper:c']);
		assert.strictEqual(follow.wanted, undefined, 'the reader added a row');
		follow.aimAt('paper:b');
		follow.selectionChanged(['paper:c']);
		assert.strictEqual(follow.wanted, undefined, 'the reader chose another row');
		assert.strictEqual(follow.latest, 'card', 'the ask stays for the view\'s next showing');
	});

	it('a row the reader collapses ends the wanting', () => {
		const follow = new FollowRequests<string>();
		follow.ask('cursor');
		follow.aimAt('paper:a');
		follow.collapsed();
		assert.strictEqual(follow.wanted, undefined);
	});
});
