import * as assert from 'node:assert';
import { withFakeVscode } from './fake-vscode';

describe('what search and the Papers view say of a tag no paper carries', () => {
	let advice: typeof import('../../src/features/library/tagAdvice');
	withFakeVscode(() => (advice = require('../../src/features/library/tagAdvice')));
	const inUse = [
		{ tag: 'robot-learning', count: 2 },
		{ tag: 'robotics', count: 5 },
		{ tag: 'to-read', count: 9 },
	];

	it('the missing tags are those asked for that no paper carries, once each; other sets are not tags', () => {
		assert.deepStrictEqual(advice.missingTags(['tag:robot', 'is:unread', 'tag:to-read', 'tag:robot', 'has:note'], inUse), ['robot']);
		assert.deepStrictEqual(advice.missingTags(['tag:to-read'], inUse), []);
	});

	it('names the tags like each missing one, else the reader\'s tags, else how to add one', () => {
		const like = advice.unknownTagsAdvice(['robot'], inUse);
		assert.strictEqual(like.message, 'No paper is tagged #robot. Tags like it:');
		assert.deepStrictEqual(like.like, [{ missing: 'robot', tag: 'robotics', count: 5 }, { missing: 'robot', tag: 'robot-learning', count: 2 }]);
		const none = advice.unknownTagsAdvice(['vision'], inUse);
		assert.deepStrictEqual(none.like, []);
		assert.match(none.message, /^No paper is tagged #vision\. Your tags: #to-read, #robotics, #robot-learning$/);
		assert.match(advice.unknownTagsAdvice(['vision'], []).message, /you have no tags yet/);
	});
});
