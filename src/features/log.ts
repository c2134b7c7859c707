import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The shared "arXiv Digest" output channel, created on first use so a quiet session creates none. */
export function getLog(): vscode.LogOutputChannel {
	channel ??= vscode.window.createOutputChannel('arXiv Digest', { log: true });
	return channel;
}

/** For context.subscriptions: disposes the channel if it was ever created. */
export const logDisposable: vscode.Disposable = {
	dispose() {
		channel?.dispose();
		channel = undefined;
	},
};

/** The message of anything thrown, for a log line or a notification. */
export function errorText(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}
