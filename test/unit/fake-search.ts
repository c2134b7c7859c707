/**
 * The parts of a corpus service the search box asks for and these tests do not exercise: an index
 * already loaded, with nothing pending and no progress to report. A test spreads it and adds `search`
 * (and overrides what it exercises).
 */
export const idleSearchService = {
	onProgress: () => ({ dispose() {} }),
	loadingLongFields: false,
	onLongFieldsLoading: () => ({ dispose() {} }),
	whenIndexed: async () => undefined,
	withAuthorNames: async (query: string) => ({ asRead: query }),
	pendingUpdates: 0,
	onPendingUpdates: () => ({ dispose() {} }),
};
