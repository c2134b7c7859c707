/**
 * The bundle's one import of the `vscode` module (esbuild.mjs points every other `import … from
 * 'vscode'` here): esbuild wraps each CommonJS import in an ES module namespace that copies the
 * API's ~300 names, and once per importing file that was ~20 ms of every activation.
 */
export * from 'vscode';
