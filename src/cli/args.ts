/**
 * Argument parsing for the CLI over node:util's parseArgs: positionals, boolean flags and
 * options taking one value (`--days 3` or `--days=3`). Anything not declared is a usage
 * error, so typos are reported instead of silently ignored — but for a search query's words,
 * where `-survey` excludes a word (queryFrom, queryOptions).
 */
import { parseArgs as parseNodeArgs } from 'node:util';

export class UsageError extends Error {}

export interface ArgSpec {
	/** boolean flags, without the leading dashes */
	flags?: readonly string[];
	/** options that take a value, without the leading dashes */
	options?: readonly string[];
	/** one-letter aliases, e.g. `{ h: 'help' }` */
	aliases?: Readonly<Record<string, string>>;
	/**
	 * the positionals from this one on are words of a search query (`search DIR QUERY`: 1), where
	 * `-survey` and `-"large language"` exclude: an argument there that starts with one `-` and is
	 * no declared alias is such a word, not an unknown option
	 */
	queryFrom?: number;
	/** options whose value is a search query (`--term -survey`): the next argument is their value even when it starts with one `-` */
	queryOptions?: readonly string[];
}

export interface ParsedArgs {
	positionals: string[];
	flags: Set<string>;
	options: Map<string, string>;
}

type NodeOptions = Record<string, { type: 'boolean' | 'string'; short?: string }>;

/**
 * node's message for a parse error, in the CLI's words (`unknown option '--x'`, …). node names a
 * one-dash argument by its first letter (`-survey`: `-s`, read as a group of one-letter options):
 * the message names the whole argument, and says where a query's excluded word goes.
 */
function usageMessage(error: Error & { code?: string }, argv: readonly string[], spec: ArgSpec): string {
	const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
	switch (error.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
			const whole = /^-[^-]$/.test(option) ? argv.find((arg) => arg.startsWith(option) && arg !== option) : undefined;
			if (!whole) return `unknown option '${option}'`;
			const hint = spec.queryFrom !== undefined ? ` (a query word that starts with '-' goes after DIR, or after '--')` : '';
			return `unknown option '${whole}'${hint}`;
		}
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			return /does not take an argument/.test(error.message) ? `option '${option}' takes no value` : `option '${option}' needs a value`;
		default:
			return error.message;
	}
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
	const options: NodeOptions = {};
	for (const name of spec.flags ?? []) options[name] = { type: 'boolean' };
	for (const name of spec.options ?? []) options[name] = { type: 'string' };
	for (const [short, name] of Object.entries(spec.aliases ?? {})) if (options[name]) options[name].short = short;
	const { args, words } = setQueryWordsApart(argv, spec);
	let parsed: ReturnType<typeof parseNodeArgs>;
	try {
		parsed = parseNodeArgs({ args, options, strict: true, allowPositionals: true });
	} catch (error) {
		throw new UsageError(usageMessage(error as Error & { code?: string }, args, spec));
	}
	const positionals = [...parsed.positionals];
	// in increasing order: each lands where it stood among the positionals
	for (const { at, word } of words) positionals.splice(at, 0, word);
	const result: ParsedArgs = { positionals, flags: new Set(), options: new Map() };
	for (const [name, value] of Object.entries(parsed.values)) {
		if (value === true) result.flags.add(name);
		else if (typeof value === 'string') result.options.set(name, value);
	}
	return result;
}

/**
 * node's parseArgs reads every argument that starts with `-` as an option (`-survey` as `-s -u -r …`),
 * and the value of an option only when it does not: the query words of `spec.queryFrom` are taken out
 * of `argv` (`words`, with their place among the positionals) and `spec.queryOptions`' values that start
 * with one `-` written `--term=-survey`, so node sees the options alone. The options are told apart as node tells them:
 * `--name` (a declared option takes the next argument as its value unless written `--name=value`), `-x`
 * for an alias; after `--` every argument is a positional.
 */
function setQueryWordsApart(argv: readonly string[], spec: ArgSpec): { args: string[]; words: { at: number; word: string }[] } {
	const takesValue = new Set(spec.options ?? []);
	const queryOptions = new Set(spec.queryOptions ?? []);
	const aliases = spec.aliases ?? {};
	const args: string[] = [];
	const words: { at: number; word: string }[] = [];
	let positionals = 0;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			args.push(...argv.slice(i));
			break;
		}
		if (arg.startsWith('--')) {
			const name = arg.slice(2);
			const next = argv[i + 1] ?? '';
			// a query option's value may start with one `-` (`--term -survey`; `--term --json` is an option
			// without its value, as node reports it), and any option's may be a negative number (`--limit -5`,
			// which node would take for an option: the range check then says what is wrong)
			const dashValue = /^-(?!-)/.test(next) && (queryOptions.has(name) || (takesValue.has(name) && /^-\d/.test(next)));
			if (dashValue) args.push(`${arg}=${argv[++i]}`);
			else if (takesValue.has(name) && i + 1 < argv.length) args.push(arg, argv[++i]);
			else args.push(arg);
		} else if (arg.startsWith('-') && arg.length > 1) {
			const alias = Object.hasOwn(aliases, arg.slice(1)) ? aliases[arg.slice(1)] : undefined;
			if (alias === undefined && spec.queryFrom !== undefined && positionals >= spec.queryFrom) words.push({ at: positionals++, word: arg });
			else if (alias !== undefined && takesValue.has(alias) && i + 1 < argv.length) args.push(arg, argv[++i]);
			else args.push(arg);
		} else {
			positionals++;
			args.push(arg);
		}
	}
	return { args, words };
}

/** An integer option within [min, max], or `fallback` when absent. */
export function intOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
	const raw = args.options.get(name);
	if (raw === undefined) return fallback;
	if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`option '--${name}' expects an integer, got '${raw}'`);
	const value = Number(raw);
	if (value < min || value > max) throw new UsageError(`option '--${name}' must be between ${min} and ${max}, got ${value}`);
	return value;
}

/** A decimal option within [min, max], or `fallback` when absent. */
export function numberOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
	const raw = args.options.get(name);
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`option '--${name}' expects a number, got '${raw}'`);
	if (value < min || value > max) throw new UsageError(`option '--${name}' must be between ${min} and ${max}, got ${value}`);
	return value;
}
