/**
 * A notification's text made plain. The workbench reads `[label](command:…)` (and `https:`, `file:`)
 * in the text of showInformationMessage and its siblings as a link it runs on a click, commands
 * allowed. Our messages carry titles and file names of digests and values of settings, which a
 * cloned repository writes: none of them may become a link. A zero-width space between `]` and `(`
 * leaves the text as it reads and no link.
 */
export function plainMessageText(message: string): string {
	return message.replace(/\]\(/g, ']\u200B(');
}
