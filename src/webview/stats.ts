/**
 * Browser script of the Statistics webview (built to dist/webview/stats.js as an IIFE, Chart.js
 * bundled in). It draws what the extension sends, with a table under every chart (screen readers
 * always have it; "Show tables" shows it to everyone), takes its colours from VS Code's theme
 * variables (again when the theme changes), keeps the reader's choices with setState and turns a
 * click on a bar, a term or a table row into a search.
 */
// Chart.js is an ES module and this script a CommonJS one for the type checker: its types come with
// resolution-mode, its code through import() (esbuild bundles it into this IIFE either way).
import type { ActiveElement, Chart, ChartConfiguration, ChartEvent, Plugin } from 'chart.js' with { 'resolution-mode': 'import' };
import { keptRovingStop, rovingTarget } from '../core/card/keyboard';
import { dayBarWidth, dayNumber, dayOfNumber, dayTicks } from '../core/trends/dayAxis';
import { opaqueColor } from '../core/trends/colors';
import { dayQuery, rangeQuery } from '../core/trends/queries';
import { listingDaysIn } from '../core/trends/days';
import {
	parseStatsState,
	type OverviewData,
	type RangeChoice,
	type StatsExtensionMessage,
	type StatsPart,
	type StatsState,
	type StatsStrings,
	type StatsWebviewMessage,
} from '../core/trends/protocol';


interface VsCodeApi {
	postMessage(message: StatsWebviewMessage): void;
	getState(): unknown;
	setState(state: StatsState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('stats') as HTMLElement;
let state: StatsState = parseStatsState(vscode.getState());
let t: StatsStrings | undefined;
let overview: OverviewData | undefined;
let lastTop: Extract<StatsExtensionMessage, { type: 'top' }> | undefined;
let lastTerm: Extract<StatsExtensionMessage, { type: 'term' }> | undefined;
let lastRising: Extract<StatsExtensionMessage, { type: 'rising' }> | undefined;
const charts = new Map<string, Chart>();

function post(message: StatsWebviewMessage): void {
	vscode.postMessage(message);
}

function saveState(next: Partial<StatsState>): void {
	state = { ...state, ...next };
	vscode.setState(state);
}

/** `{0}`, `{1}`… filled in; numbers written as the reader's language writes them (2,479) */
function format(template: string, ...args: (string | number)[]): string {
	return template.replace(/\{(\d+)\}/g, (m, i: string) => {
		const arg = args[Number(i)];
		return arg === undefined ? m : typeof arg === 'number' ? arg.toLocaleString(t?.lang) : arg;
	});
}

// ---- theme ------------------------------------------------------------------------------------

/** series colours: VS Code's chart colours first, then terminal colours the themes also define */
const SERIES_VARS = [
	'--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red',
	'--vscode-charts-yellow', '--vscode-terminal-ansiCyan', '--vscode-terminal-ansiMagenta', '--vscode-terminal-ansiBrightBlack',
];
const FALLBACK = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700', '#11a8cd', '#bc3fbc', '#666666'];

interface Theme {
	series: string[];
	other: string;
	text: string;
	grid: string;
	/** high contrast themes outline every bar */
	border: string | undefined;
	font: string;
	size: number;
}

function cssVar(name: string, fallback: string): string {
	return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function readTheme(): Theme {
	const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
	const text = cssVar('--vscode-foreground', '#cccccc');
	return {
		// a bar needs its colour solid: a theme's translucent chart colour vanishes into the background
		series: SERIES_VARS.map((v, i) => opaqueColor(cssVar(v, FALLBACK[i]))),
		other: cssVar('--vscode-descriptionForeground', '#999999'),
		text,
		grid: cssVar('--vscode-charts-lines', cssVar('--vscode-widget-border', 'rgba(128,128,128,0.35)')),
		border: highContrast ? cssVar('--vscode-contrastBorder', text) : undefined,
		font: cssVar('--vscode-font-family', 'sans-serif'),
		size: Number.parseFloat(cssVar('--vscode-font-size', '13')) || 13,
	};
}

let theme = readTheme();

/**
 * A chart's options. `days`: its x axis is the calendar (core/trends/dayAxis): the bars' data are
 * `{ x: day number, y }` (onDays), so days months apart are drawn apart, labelled by day.
 */
function baseOptions(horizontal: boolean, stacked: boolean, onBar: (datasetIndex: number, index: number) => void, legend = !horizontal, days?: readonly string[]): BarConfig['options'] {
	const axis = { ticks: { color: theme.text, font: { family: theme.font, size: theme.size - 1 } }, grid: { color: theme.grid }, border: { color: theme.grid } };
	const first = days?.length ? dayNumber(days[0]) : 0;
	const last = days?.length ? dayNumber(days[days.length - 1]) : 0;
	const x = days?.length
		? {
				...axis,
				type: 'linear' as const,
				stacked,
				// half a day each side, so the first and last bars are whole; no more (a bar chart's scale
				// is offset by default, which left ~3 days of empty plot at each end of a month)
				min: first - 0.5,
				max: last + 0.5,
				offset: false,
				grid: { ...axis.grid, offset: false },
				ticks: { ...axis.ticks, autoSkip: true, maxRotation: 50, callback: (value: string | number) => dayOfNumber(Number(value)) },
				afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
					scale.ticks = dayTicks(first, last).map((value) => ({ value }));
				},
			}
		: { ...axis, stacked, ...(horizontal ? { beginAtZero: true } : {}) };
	return {
		responsive: true,
		maintainAspectRatio: false,
		animation: false,
		indexAxis: horizontal ? 'y' : 'x',
		scales: {
			x,
			y: { ...axis, stacked, ...(horizontal ? {} : { beginAtZero: true }), ...(horizontal ? { ticks: { ...axis.ticks, autoSkip: false } } : {}) },
		},
		plugins: {
			legend: { display: legend, labels: { color: theme.text, font: { family: theme.font, size: theme.size - 1 }, boxWidth: 12 } },
			tooltip: {
				mode: stacked ? 'nearest' : 'index',
				intersect: stacked,
				...(days?.length ? { callbacks: { title: (items: { parsed: { x: number | null } }[]) => (items[0]?.parsed.x == null ? '' : dayOfNumber(items[0].parsed.x)) } } : {}),
			},
		},
		onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
			const hit = elements[0];
			if (hit) onBar(hit.datasetIndex, hit.index);
		},
		onHover: (event: ChartEvent, elements: ActiveElement[]) => {
			const target = event.native?.target;
			if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
		},
	};
}

/** A series over the listing days as the calendar axis takes it (see baseOptions). */
function onDays(days: readonly string[], values: readonly number[]): { x: number; y: number }[] {
	return days.map((day, i) => ({ x: dayNumber(day), y: values[i] }));
}

function barStyle(color: string): { backgroundColor: string; borderColor?: string; borderWidth?: number } {
	return theme.border ? { backgroundColor: color, borderColor: theme.border, borderWidth: 1 } : { backgroundColor: color };
}

// ---- layout ------------------------------------------------------------------------------------

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; id?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
	const e = document.createElement(tag);
	if (props.className) e.className = props.className;
	if (props.id) e.id = props.id;
	if (props.text !== undefined) e.textContent = props.text;
	e.append(...children);
	return e;
}

/** One chart section: heading, status line, canvas (an image with a label) and its table. */
function section(id: string, title: string, extra?: HTMLElement): HTMLElement {
	const canvas = el('canvas', { id: `${id}-canvas` });
	canvas.setAttribute('role', 'img');
	canvas.setAttribute('aria-label', title);
	const box = el('div', { className: 'chart' }, canvas);
	box.dataset.chart = id;
	const status = statusLine(id);
	const table = el('div', { className: 'table', id: `${id}-table` });
	const s = el('section', { id }, el('h2', { text: title }), ...(extra ? [extra] : []), status, box, table);
	s.setAttribute('aria-labelledby', `${id}-h`);
	(s.querySelector('h2') as HTMLElement).id = `${id}-h`;
	return s;
}

/** A part's status line (`<id>-status`, a live region): its counts, or why what was typed was not taken. */
function statusLine(id: string): HTMLElement {
	const status = el('p', { className: 'status', id: `${id}-status` });
	status.setAttribute('role', 'status');
	return status;
}

/** the boxes whose text a part's status line judges: the custom range's dates, the term's query */
const INPUTS: Partial<Record<string, readonly string[]>> = { range: ['range-from', 'range-to'], term: ['term-input'] };

/** What was typed is marked wrong while the part's status line says why (`"2026-13-01" is not a date…`). */
function markInput(id: string, invalid: boolean): void {
	for (const inputId of INPUTS[id] ?? []) {
		const input = document.getElementById(inputId);
		if (!input) continue;
		if (invalid) {
			input.setAttribute('aria-invalid', 'true');
			input.setAttribute('aria-describedby', `${id}-status`);
		} else {
			input.removeAttribute('aria-invalid');
			input.removeAttribute('aria-describedby');
		}
	}
}

function rangeControls(strings: StatsStrings): HTMLElement {
	const select = el('select', { id: 'range' });
	select.setAttribute('aria-label', strings.range);
	for (const [value, label] of [['last7', strings.last7], ['last30', strings.last30], ['all', strings.allDays], ['custom', strings.custom]] as const) {
		const option = el('option', { text: label });
		option.value = value;
		select.append(option);
	}
	const from = el('input', { id: 'range-from' });
	const to = el('input', { id: 'range-to' });
	for (const [input, label] of [[from, strings.from], [to, strings.to]] as const) {
		input.type = 'text';
		input.placeholder = 'YYYY-MM-DD';
		input.setAttribute('aria-label', label);
		input.size = 11;
	}
	const apply = el('button', { text: strings.apply, id: 'range-apply' });
	const custom = el('span', { className: 'custom' }, from, '–', to, apply);
	const choice = state.range;
	if ('preset' in choice) select.value = choice.preset;
	else {
		select.value = 'custom';
		from.value = choice.from;
		to.value = choice.to;
	}
	custom.hidden = select.value !== 'custom';
	const send = (range: RangeChoice) => {
		saveState({ range });
		counting(true);
		post({ type: 'range', range });
	};
	select.addEventListener('change', () => {
		custom.hidden = select.value !== 'custom';
		// Custom shows the dates, which come next in Tab order: focus stays on the list (a keyboard user's
		// arrows change the choice as they go, and moving focus there pulled them out of it)
		if (select.value === 'last7' || select.value === 'last30' || select.value === 'all') send({ preset: select.value });
	});
	const applyCustom = () => send({ from: from.value, to: to.value });
	apply.addEventListener('click', applyCustom);
	for (const input of [from, to]) input.addEventListener('keydown', (e) => e.key === 'Enter' && applyCustom());
	return el('div', { className: 'controls' }, el('label', { text: strings.range }, select), custom);
}

function termControls(strings: StatsStrings): HTMLElement {
	const input = el('input', { id: 'term-input' });
	input.type = 'search';
	input.placeholder = strings.termPlaceholder;
	input.setAttribute('aria-label', strings.term);
	input.value = state.term;
	const button = el('button', { text: strings.show, id: 'term-show' });
	const send = () => {
		saveState({ term: input.value });
		if (input.value.trim() !== '') post({ type: 'term', query: input.value });
	};
	button.addEventListener('click', send);
	input.addEventListener('keydown', (e) => e.key === 'Enter' && send());
	const share = el('input', { id: 'term-share' });
	share.type = 'checkbox';
	share.checked = state.share;
	share.addEventListener('change', () => {
		saveState({ share: share.checked });
		drawTerm();
	});
	return el('div', { className: 'controls' }, input, button, el('label', { className: 'toggle' }, share, strings.termShare));
}

function build(strings: StatsStrings): void {
	document.documentElement.lang = strings.lang;
	const toggle = el('input', { id: 'show-tables' });
	toggle.type = 'checkbox';
	toggle.checked = state.tables;
	toggle.addEventListener('change', () => {
		saveState({ tables: toggle.checked });
		document.body.classList.toggle('tables-shown', toggle.checked);
	});
	document.body.classList.toggle('tables-shown', state.tables);
	const top = el('div', { className: 'pair' }, section('terms', strings.topTerms), section('authors', strings.topAuthors));
	root.replaceChildren(
		// the page's heading, for screen readers: the document's title (the panel's)
		el('h1', { className: 'visually-hidden', text: document.title }),
		el('div', { className: 'toolbar' }, el('p', { className: 'hint', text: strings.clickHint }), el('label', { className: 'toggle' }, toggle, strings.showTables)),
		section('papers', strings.papersPerDay, el('p', { className: 'hint', text: strings.countsOnce })),
		el('div', { className: 'range-block' }, rangeControls(strings), statusLine('range'), top, el('p', { className: 'hint', text: strings.termsFrom }), section('rising', strings.risingTerms)),
		section('term', strings.termPerDay, termControls(strings)),
		section('interests', strings.interestsPerDay),
	);
	counting(lastTop === undefined, lastRising === undefined);
	// no empty chart's room before a part's first answer
	for (const [id, shown] of [['term', lastTerm !== undefined], ['rising', lastRising !== undefined && 'terms' in lastRising && lastRising.terms.length > 0]] as const) {
		const box = document.querySelector<HTMLElement>(`[data-chart="${id}"]`);
		if (box) box.hidden = !shown;
	}
}

// ---- tables ------------------------------------------------------------------------------------

/** A table with a header row; a cell given as [text, query] is a button that opens the search. */
function table(id: string, caption: string, head: string[], rows: (string | number | [string, string])[][]): void {
	const container = document.getElementById(`${id}-table`);
	if (!container) return;
	const tbl = el('table', {}, el('caption', { text: caption }));
	const thead = el('tr', {}, ...head.map((h) => {
		const th = el('th', { text: h });
		th.scope = 'col';
		return th;
	}));
	tbl.append(el('thead', {}, thead));
	const body = el('tbody');
	for (const row of rows) {
		const tr = el('tr');
		row.forEach((cell, i) => {
			const td = el(i === 0 ? 'th' : 'td');
			if (i === 0) (td as HTMLTableCellElement).scope = 'row';
			if (Array.isArray(cell)) {
				const button = el('button', { className: 'link', text: cell[0] });
				button.addEventListener('click', () => post({ type: 'search', query: cell[1] }));
				td.append(button);
			} else td.textContent = String(cell);
			tr.append(td);
		});
		body.append(tr);
	}
	tbl.append(body);
	// the figures came anew (another range, a digest changed): the Tab stop, and the keys if they were in
	// the table, stay on the row the reader was on
	const old = Array.from(container.querySelectorAll('button'));
	const had = old.some((b) => b === document.activeElement);
	const stop = roving(tbl, { labels: old.map((b) => b.textContent ?? ''), index: old.findIndex((b) => b.tabIndex === 0) });
	container.replaceChildren(tbl);
	if (had) stop?.focus();
}

/**
 * A table's buttons are one Tab stop, the arrows (Home/End) going from one to the next: a button a row,
 * Tab went through 167 of them (a day each) before the range's controls, and 226 before the term box.
 */
function roving(tbl: HTMLTableElement, before: { labels: readonly string[]; index: number }): HTMLButtonElement | undefined {
	const buttons = Array.from(tbl.querySelectorAll('button'));
	const first = keptRovingStop(before.index >= 0 ? before : undefined, buttons.map((b) => b.textContent ?? ''));
	buttons.forEach((b, i) => (b.tabIndex = i === first ? 0 : -1));
	tbl.addEventListener('keydown', (e) => {
		const at = buttons.indexOf(e.target as HTMLButtonElement);
		if (at < 0) return;
		// the arrows as in the card's roving groups (its authors)
		const to = rovingTarget(e, at, buttons.length);
		if (to === undefined) return;
		e.preventDefault();
		buttons[at].tabIndex = -1;
		buttons[to].tabIndex = 0;
		buttons[to].focus();
	});
	return buttons[first];
}

/**
 * The range's parts say they are being counted until their answer comes (the top terms can take
 * seconds on a loaded machine): their status says so and the section is busy. The figures of the
 * range before stay meanwhile.
 */
function counting(top: boolean, rising = top): void {
	if (!t) return;
	const parts: [string, string][] = [];
	if (top) parts.push(['terms', t.countingTerms], ['authors', t.countingAuthors]);
	if (rising) parts.push(['rising', t.countingRising]);
	for (const [id, text] of parts) {
		setStatus(id, text);
		document.getElementById(id)?.setAttribute('aria-busy', 'true');
	}
}

/** a part's answer (or error) came: its section is no longer busy */
function counted(...ids: string[]): void {
	for (const id of ids) document.getElementById(id)?.removeAttribute('aria-busy');
}

/** the status line a part's messages go to (the top terms': the range's, above both lists) */
function statusOf(part: StatsPart): string {
	return part === 'top' ? 'range' : part;
}

function setStatus(id: string, text: string): void {
	const status = document.getElementById(`${id}-status`);
	if (!status) return;
	status.textContent = text;
	status.classList.remove('error');
	markInput(id, false);
}

// ---- charts ------------------------------------------------------------------------------------

/** A bar chart's configuration: values by label, or `{ x, y }` points on the calendar axis (onDays). */
type BarConfig = ChartConfiguration<'bar', (number | { x: number; y: number } | null)[], unknown>;

/**
 * Bars on the calendar axis wide enough to see (dayBarWidth): set once the plot's width is known, each
 * time the chart is laid out (a resize too), before the bars are placed. Charts of labels are left alone.
 */
const visibleDayBars: Plugin<'bar'> = {
	id: 'visibleDayBars',
	afterLayout(chart) {
		const days = (chart.data.datasets[0]?.data ?? []).flatMap((point) => (point && typeof point === 'object' && 'x' in point ? [Number(point.x)] : []));
		if (days.length === 0) return;
		const width = dayBarWidth(days, chart.chartArea.width);
		// grouped bars (interests: matches beside unread) share a day's width
		const groups = chart.options.scales?.x?.stacked ? 1 : chart.data.datasets.length;
		for (const dataset of chart.data.datasets) dataset.barThickness = width === undefined ? undefined : width / groups;
	},
};

function draw(id: string, config: BarConfig): Chart {
	charts.get(id)?.destroy();
	const canvas = document.getElementById(`${id}-canvas`) as HTMLCanvasElement | null;
	if (!canvas) throw new Error(`no canvas ${id}`);
	const chart = new chartJs.Chart(canvas, { ...config, plugins: [visibleDayBars] });
	charts.set(id, chart);
	// where the first series' bars are, for keyboard-free checks (the real-editor test clicks one)
	canvas.dataset.bars = JSON.stringify(chart.getDatasetMeta(0).data.map((bar) => {
		const p = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
		return chart.options.indexAxis === 'y' ? [Math.round((p.x + p.base) / 2), Math.round(p.y)] : [Math.round(p.x), Math.round((p.y + p.base) / 2)];
	}));
	canvas.dataset.ready = 'true';
	return chart;
}

function drawOverview(): void {
	if (!t || !overview) return;
	const strings = t;
	const data = overview;
	if (data.days.length === 0) {
		setStatus('papers', strings.noDays);
		// no day to count: the range's parts are not waiting for anything
		for (const id of ['terms', 'authors', 'rising']) {
			if (document.getElementById(id)?.getAttribute('aria-busy') !== 'true') continue;
			setStatus(id, '');
			counted(id);
		}
		return;
	}
	setStatus('papers', '');
	const names = data.categories.map((c) => c.name ?? strings.other);
	// the "Other categories" series: the papers of none of the categories shown by name
	const shown = { except: data.categories.flatMap((c) => (c.name === undefined ? [] : [c.name])) };
	draw('papers', {
		type: 'bar',
		data: {
			datasets: data.categories.map((c, i) => ({ label: names[i], data: onDays(data.days, c.counts), ...barStyle(c.name === undefined ? theme.other : theme.series[i % theme.series.length]) })),
		},
		options: baseOptions(false, true, (series, index) => post({ type: 'search', query: dayQuery(data.days[index], data.categories[series].name ?? shown) }), true, data.days),
	});
	const canvas = document.getElementById('papers-canvas') as HTMLElement;
	canvas.setAttribute('aria-label', format(strings.titleOf, strings.papersPerDay, `${data.days[0]} – ${data.days[data.days.length - 1]}`));
	table(
		'papers',
		strings.papersPerDay,
		[strings.day, strings.distinctPapers, ...names],
		data.days.map((day, d) => [[day, dayQuery(day)], data.totals[d], ...data.categories.map((c) => c.counts[d])]),
	);
	drawInterests();
}

function drawInterests(): void {
	if (!t || !overview) return;
	const strings = t;
	const data = overview;
	const interests = data.interests;
	const box = document.querySelector<HTMLElement>('[data-chart="interests"]');
	if (box) box.hidden = !interests;
	if (!interests) {
		setStatus('interests', strings.noInterests);
		document.getElementById('interests-table')?.replaceChildren();
		return;
	}
	setStatus('interests', '');
	draw('interests', {
		type: 'bar',
		data: {
			datasets: [
				{ label: strings.matches, data: onDays(data.days, interests.matches), ...barStyle(theme.series[0]) },
				{ label: strings.unreadMatches, data: onDays(data.days, interests.unread), ...barStyle(theme.series[1]) },
			],
		},
		options: baseOptions(false, false, (series, index) => post({ type: 'search', query: `is:match${series === 1 ? ' is:unread' : ''} day:${data.days[index]}` }), true, data.days),
	});
	table('interests', strings.interestsPerDay, [strings.day, strings.matches, strings.unreadMatches], data.days.map((day, d) => [[day, `is:match day:${day}`], interests.matches[d], interests.unread[d]]));
}

function drawTop(): void {
	if (!t || !lastTop) return;
	const strings = t;
	const top = lastTop;
	const range = { from: top.from, to: top.to };
	const span = top.from || top.to ? `${top.from ?? '…'} – ${top.to ?? '…'}` : strings.allDays;
	const days = overview?.days ?? [];
	const inside = listingDaysIn(top, days).length;
	// the folder's days come with the overview, sent before any range's figures
	setStatus('range', (top.from || top.to) && days.length > 0 ? format(strings.rangePapersDays, span, top.papers, inside, days.length) : format(strings.rangePapers, span, top.papers));
	for (const [id, rows, kind, title, head] of [
		['terms', top.terms, 'term', strings.topTerms, strings.term],
		['authors', top.authors, 'author', strings.topAuthors, strings.author],
	] as const) {
		setStatus(id, '');
		counted(id);
		const box = document.querySelector<HTMLElement>(`[data-chart="${id}"]`);
		if (box) box.style.height = `${Math.max(120, rows.length * 22 + 40)}px`;
		draw(id, {
			type: 'bar',
			data: { labels: rows.map(([name]) => name), datasets: [{ label: strings.papers, data: rows.map(([, n]) => n), ...barStyle(theme.series[id === 'terms' ? 2 : 3]) }] },
			options: baseOptions(true, false, (_series, index) => post({ type: 'search', query: rangeQuery(range, rows[index][0], kind) })),
		});
		table(id, format(strings.titleWithRange, title, span), [head, strings.papers], rows.map(([name, n]) => [[name, rangeQuery(range, name, kind)], n]));
	}
}

/** a share as a percentage with one decimal (0 for an empty period) */
function percent(n: number, of: number): number {
	return of === 0 ? 0 : Math.round((n / of) * 1000) / 10;
}

/** a number as the reader's language writes it (2,479; 0.9) */
function localNumber(n: number, decimals = 0): string {
	return n.toLocaleString(t?.lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** The rising part without terms: no chart, no table, the status saying why (an invalid range: nothing, the range's status says it). */
function clearRising(status: string): void {
	charts.get('rising')?.destroy();
	charts.delete('rising');
	const box = document.querySelector<HTMLElement>('[data-chart="rising"]');
	if (box) box.hidden = true;
	document.getElementById('rising-table')?.replaceChildren();
	setStatus('rising', status);
}

function drawRising(): void {
	if (!t || !lastRising) return;
	counted('rising');
	const strings = t;
	const rising = lastRising;
	if ('none' in rising) {
		clearRising(rising.none === 'first' ? strings.noPrevious : rising.none === 'no-days' ? strings.noDaysInRange : '');
		return;
	}
	const { previous, terms: rows } = rising;
	// a range from the first day: its later days against its earlier ones, and the status says so first
	const withinFirst = (status: string) => (rising.within ? `${format(strings.risingWithin, rising.from ?? '', rising.to ?? '')} ${status}` : status);
	if (rows.length === 0) {
		clearRising(withinFirst(format(strings.noRising, previous.from, previous.to, rising.previousPapers)));
		return;
	}
	const range = { from: rising.from, to: rising.to };
	const box = document.querySelector<HTMLElement>('[data-chart="rising"]');
	if (box) {
		box.hidden = false;
		box.style.height = `${Math.max(120, rows.length * 30 + 60)}px`;
	}
	setStatus('rising', withinFirst(format(strings.risingAgainst, previous.from, previous.to, rising.previousPapers)));
	const query = (term: string) => rangeQuery(range, term, 'term');
	const shareNow = (n: number) => percent(n, rising.papers);
	const shareBefore = (before: number) => percent(before, rising.previousPapers);
	draw('rising', {
		type: 'bar',
		data: {
			labels: rows.map(([term]) => term),
			datasets: [
				{ label: strings.shareInRange, data: rows.map(([, n]) => shareNow(n)), ...barStyle(theme.series[2]) },
				{ label: strings.shareBefore, data: rows.map(([, , before]) => shareBefore(before)), ...barStyle(theme.other) },
			],
		},
		// the two periods' sizes differ: shares, not papers, compare them
		options: baseOptions(true, false, (_series, index) => post({ type: 'search', query: query(rows[index][0]) }), true),
	});
	const change = (n: number, before: number) =>
		before === 0 ? strings.newTerm : `×${localNumber(n / rising.papers / (before / rising.previousPapers), 1)}`;
	const span = `${range.from ?? '…'} – ${range.to ?? '…'}`;
	table(
		'rising',
		format(strings.titleWithRange, strings.risingTerms, span),
		[strings.term, strings.papers, strings.shareInRange, strings.papersBefore, strings.shareBefore, strings.change],
		rows.map(([term, n, before]) => [[term, query(term)], localNumber(n), localNumber(shareNow(n), 1), localNumber(before), localNumber(shareBefore(before), 1), change(n, before)]),
	);
}

function drawTerm(): void {
	if (!t || !lastTerm) return;
	const strings = t;
	const term = lastTerm;
	const box = document.querySelector<HTMLElement>('[data-chart="term"]');
	if (box) box.hidden = false;
	const total = term.counts.reduce((s, n) => s + n, 0);
	setStatus('term', format(strings.termTotal, total, term.query));
	// each day's papers, from the overview: a share compares a day of 13 papers with one of 532
	const papersOn = new Map((overview?.days ?? []).map((day, d) => [day, overview?.totals[d] ?? 0]));
	const shares = term.days.map((day, d) => percent(term.counts[d], papersOn.get(day) ?? 0));
	const asShare = state.share && papersOn.size > 0;
	const label = asShare ? format(strings.titleWithRange, term.query, strings.shareOfDay) : term.query;
	draw('term', {
		type: 'bar',
		data: { datasets: [{ label, data: onDays(term.days, asShare ? shares : term.counts), ...barStyle(theme.series[4]) }] },
		options: baseOptions(false, false, (_series, index) => post({ type: 'search', query: `${term.query} day:${term.days[index]}` }), true, term.days),
	});
	document.getElementById('term-canvas')?.setAttribute('aria-label', format(strings.titleOf, strings.termPerDay, label));
	table(
		'term',
		format(strings.titleOf, strings.termPerDay, term.query),
		[strings.day, strings.papers, strings.shareOfDay],
		term.days.map((day, d) => [[day, `${term.query} day:${day}`], localNumber(term.counts[d]), localNumber(shares[d], 1)]),
	);
}

function redrawAll(): void {
	theme = readTheme();
	drawOverview();
	drawTop();
	drawRising();
	drawTerm();
}

// VS Code swaps the body's theme class (vscode-light, vscode-dark, vscode-high-contrast) and its variables
new MutationObserver(() => redrawAll()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

window.addEventListener('message', (event: MessageEvent<StatsExtensionMessage>) => {
	const message = event.data;
	if (typeof message !== 'object' || message === null) return;
	switch (message.type) {
		case 'strings':
			t = message.strings;
			build(message.strings);
			return;
		case 'overview':
			overview = message.data;
			drawOverview();
			return;
		case 'top':
			lastTop = message;
			drawTop();
			return;
		case 'term':
			lastTerm = message;
			drawTerm();
			return;
		case 'rising':
			lastRising = message;
			drawRising();
			return;
		case 'error': {
			// the part's figures were of another range or query: they go
			if (message.part === 'rising') clearRising('');
			// the range could not be counted: its lists say nothing more, the range's status says why
			if (message.part === 'top') {
				for (const id of ['terms', 'authors']) setStatus(id, '');
				counted('terms', 'authors');
			}
			if (message.part === 'rising') counted('rising');
			const id = statusOf(message.part);
			const status = document.getElementById(`${id}-status`);
			if (status) {
				status.textContent = message.message;
				status.classList.add('error');
			}
			markInput(id, message.input === true);
			return;
		}
		case 'status':
			setStatus(statusOf(message.part), message.message);
			return;
	}
});

let chartJs: typeof import('chart.js', { with: { 'resolution-mode': 'import' } });

void (async () => {
	chartJs = await import('chart.js');
	chartJs.Chart.register(chartJs.BarController, chartJs.BarElement, chartJs.CategoryScale, chartJs.LinearScale, chartJs.Tooltip, chartJs.Legend);
	vscode.setState(state);
	post({ type: 'ready', state });
})();
