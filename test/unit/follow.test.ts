import * as assert from 'node:assert';
import { FollowRequests, GuardedReveals, ReaderSelection, RevealRefused } from '../../src/core/follow';

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
		assert.strictEqual(follow.selectionChanged(['paper:b']), false, 'not the reader\'s');
		assert.strictEqual(follow.wanted, 'paper:b', 'the reveal\'s own row');
		assert.strictEqual(follow.selectionChanged([]), false);
		assert.strictEqual(follow.wanted, 'paper:b', 'a refresh took the row out of the selection');
		assert.strictEqual(follow.selectionChanged(['paper:b', 'paper:c']), true);
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

describe('when the reader last chose rows in the Papers view (ReaderSelection)', () => {
	it('takes a moment for each choice of the reader\'s, none for a reveal\'s, a refresh\'s, or the same rows put back after a refresh', () => {
		let clock = 0;
		const moment = () => ++clock;
		const chosen = new ReaderSelection(moment);
		assert.strictEqual(chosen.chosenAt, 0, 'nothing chosen yet');
		chosen.changed(['day:a'], true);
		assert.strictEqual(chosen.chosenAt, 1);
		const cardMoved = moment();
		chosen.changed([], false);
		chosen.changed(['day:a'], true);
		assert.strictEqual(chosen.chosenAt, 1, 'the refresh put the same row back: still before the card\'s move');
		chosen.changed(['paper:x'], false);
		assert.strictEqual(chosen.chosenAt, 1, 'a reveal is not the reader\'s choice');
		chosen.changed(['day:a'], true);
		assert.ok(chosen.chosenAt > cardMoved, 'the reader chose the day again after the reveal: after the card\'s move');
		const before = chosen.chosenAt;
		chosen.changed(['day:a', 'day:b'], true);
		assert.ok(chosen.chosenAt > before, 'a row added');
	});
});

describe('a follow never opens the Papers view (FollowRequests.mayReveal)', () => {
	it('reveals only in a view visible since the ask', () => {
		const follow = new FollowRequests<string>();
		follow.ask('card');
		assert.strictEqual(follow.mayReveal(true), true);
		assert.strictEqual(follow.mayReveal(false), false, 'a hidden view');
	});

	it('not across a hide: a view hidden after the ask, even one the extension host still thinks visible, or shown again', () => {
		const follow = new FollowRequests<string>();
		follow.ask('card');
		follow.visibilityChanged();
		assert.strictEqual(follow.mayReveal(true), false, 'hidden since the ask (its visible flag not yet told)');
		follow.visibilityChanged();
		assert.strictEqual(follow.mayReveal(true), false, 'hidden and shown again: the show asks anew');
		follow.ask('card');
		assert.strictEqual(follow.mayReveal(true), true, 'the show\'s own ask');
	});

	it('an ask made while the view is hidden waits for the show\'s ask', () => {
		const follow = new FollowRequests<string>();
		follow.visibilityChanged();
		follow.ask('card');
		assert.strictEqual(follow.mayReveal(false), false);
		follow.visibilityChanged();
		follow.ask(follow.latest ?? 'cursor');
		assert.strictEqual(follow.mayReveal(true), true);
	});
});

describe('a follow never reveals over the reader\'s own choice', () => {
	it('a row the reader selects after the ask, before its reveal, ends that ask; the next ask reveals again', () => {
		const follow = new FollowRequests<string>();
		follow.ask('cursor');
		follow.selectionChanged(['paper:mine']);
		assert.strictEqual(follow.mayReveal(true), false, 'the reader chose a row');
		follow.ask('card');
		assert.strictEqual(follow.mayReveal(true), true);
	});

	it('the late selection of an earlier reveal is not the reader (a card paged quickly)', () => {
		const follow = new FollowRequests<string>();
		follow.ask('card a');
		follow.aimAt('paper:a');
		follow.ask('card b');
		follow.selectionChanged(['paper:a']);
		assert.strictEqual(follow.mayReveal(true), true, 'paper:a was a reveal\'s');
		follow.selectionChanged([]);
		assert.strictEqual(follow.mayReveal(true), true, 'a refresh');
	});
});

describe('a reveal checked as the extension host sends it (GuardedReveals)', () => {
	interface Node {
		readonly id: string;
		readonly parent?: Node;
	}
	const day: Node = { id: 'day' };
	const paper: Node = { id: 'paper:a', parent: day };

	it('a copy is a new object with the same fields, answered for by its original while its guard allows', () => {
		const reveals = new GuardedReveals<Node, 'hidden'>();
		const copy = reveals.copy(paper, () => undefined);
		assert.notStrictEqual(copy, paper, 'an object the extension host has not seen');
		assert.deepStrictEqual({ ...copy }, { ...paper });
		assert.strictEqual(reveals.original(copy), paper);
		assert.strictEqual(reveals.checked(copy), paper);
		assert.strictEqual(reveals.refused(copy), undefined);
	});

	it('the guard runs when the provider is asked, not when the copy is made, and its refusal throws and is kept', () => {
		const reveals = new GuardedReveals<Node, 'hidden' | 'newer request'>();
		let visible = true;
		const copy = reveals.copy(paper, () => (visible ? undefined : 'hidden'));
		visible = false;
		// getParent: the original, no check
		assert.strictEqual(reveals.original(copy), paper);
		assert.throws(() => reveals.checked(copy), (err: unknown) => err instanceof RevealRefused && err.reason === 'hidden');
		assert.strictEqual(reveals.refused(copy), 'hidden');
	});

	it('any other node is itself, never checked', () => {
		const reveals = new GuardedReveals<Node, 'hidden'>();
		reveals.copy(paper, () => 'hidden');
		assert.strictEqual(reveals.original(paper), paper);
		assert.strictEqual(reveals.checked(paper), paper);
		assert.strictEqual(reveals.checked(day), day);
		assert.strictEqual(reveals.refused(paper), undefined);
	});
});
