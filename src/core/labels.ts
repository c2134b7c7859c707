/**
 * Field labels. Forks write the same label in many shapes — `TL;DR:`, `**TL;DR:**`, `**TL;DR**:`,
 * `> **TL;DR:**`, `TL;DR：` — and in other languages (`一句话总结`, `요약`). This module reduces all of
 * them to one canonical key, so the parser needs no per-fork rules.
 */
import type { SummaryField } from './model';
import { ownCopy } from './parse/text';

export type LabelKey = SummaryField | 'category' | 'authors' | 'translatedTitle' | 'abstractTranslation' | 'link' | 'date';

/**
 * The label vocabulary: for each field, its synonyms in English, Chinese, Japanese and Korean.
 * A fork's new wording is a one-line addition here. `Label (English)` forms need no entry of their
 * own: `labelKey` also tries the words outside and inside the parentheses.
 */
const LABELS: Record<LabelKey, readonly string[]> = {
	tldr: [
		'tldr', 'tl;dr', 'tl dr', 'summary', 'one-line summary', 'one line summary', 'one-sentence summary', 'ai summary', 'short summary',
		'一句话总结', '一句话摘要', '一句话概括', '一句话结论', '摘要简述', 'ai概要', 'ai总结', '总结', '简要总结', '太长不看', '核心观点',
		'要約', '一言まとめ', '三行まとめ', '요약', '한줄 요약', '한 줄 요약', '핵심 요약',
	],
	motivation: ['motivation', 'background and motivation', '动机', '研究动机', '研究背景', '動機', '研究動機', '동기', '연구 동기', '연구 배경 및 동기'],
	method: ['method', 'methods', 'methodology', 'approach', '方法', '研究方法', '主要方法', '手法', '提案手法', '방법', '방법론', '연구 방법', '연구 방법론'],
	result: [
		'result', 'results', 'findings', 'key results', 'main results', '结果', '实验结果', '研究结果', '主要结果', '結果', '実験結果', '결과',
		'실험 결과', '주요 결과', '주요 성과 및 결과',
	],
	conclusion: ['conclusion', 'conclusions', '结论', '研究结论', '結論', '결론', '결론 및 시사점'],
	abstract: [
		'abstract', 'original abstract', 'english abstract', 'abstract (english)', '摘要', '原文摘要', '原始摘要', '论文摘要', '英文摘要', '英文原始摘要',
		'概要', 'アブストラクト', '原文アブストラクト', '초록', '원문 초록', '논문 초록', '영문 초록',
	],
	abstractTranslation: [
		'abstract translation', 'translated abstract', 'abstract in chinese', 'chinese abstract', '摘要翻译', '中文摘要', '摘要中文翻译', '翻译摘要',
		'中文翻译', '和訳', 'アブストラクト和訳', '日本語要旨', '초록 번역', '번역 초록', '한국어 초록',
	],
	category: [
		'main category', 'category', 'categories', 'primary category', 'catalog', '主要类别', '主类别', '主分类', '主要分类', '类别', '分类',
		'主要分類', 'カテゴリ', 'カテゴリー', '主カテゴリ', '카테고리', '주 카테고리', '주요 카테고리',
	],
	authors: ['authors', 'author', '作者', '著者', '저자'],
	translatedTitle: ['translated title', 'title translation', '中文标题', '标题翻译', '翻译标题', '译名', '日本語タイトル', '和訳タイトル', '한국어 제목', '번역 제목'],
	link: ['link', 'url', 'arxiv', 'arxiv link', 'paper link', 'pdf', '链接', '论文链接', 'リンク', '論文リンク', '링크', '논문 링크'],
	date: ['report date', 'date', '日期', '报告日期', '日付', '날짜'],
};

/**
 * Labels forks commonly add that have no field of their own, under the name they are shown with.
 * They stay ordered `extra` fields, with the label normalised (`Key words`, `关键词` → Keywords), and
 * raise no `unknown-label` diagnostic: they are expected, not surprising.
 */
const EXTRA_LABELS: Record<string, readonly string[]> = {
	Keywords: ['keywords', 'keyword', 'key words', 'key word', '关键词', '关键字', 'キーワード', '키워드'],
	Comment: ['comment', 'comments', '评论', '备注', 'コメント', '코멘트'],
	'AI Comments': ['ai comments', 'ai comment', 'ai_comments', 'ai点评', 'ai评论'],
	'AI Abstract': ['ai abstract', 'ai_abstract'],
	Relevance: ['relevance', '相关性', '相关度', '関連度', '관련성'],
	'Relevance Score': ['relevance score', 'relevance_score', '相关性评分'],
	Score: ['score', 'rating', '评分', '得分', 'スコア', '점수'],
	Recommendation: ['recommendation', '推荐', '推荐指数', '推荐度', 'おすすめ度', '추천'],
	'Read time': ['read time', 'reading time', '阅读时间'],
	'Key Contributions': ['key contributions', 'main contributions', '主要贡献', '主要创新点', '创新点'],
	Contributions: ['contributions', '贡献'],
	Limitations: ['limitations', 'limitation', '局限性', '局限', '局限 / 后续问题', '한계'],
	Background: ['background', '背景', '背景知识', 'background knowledge'],
	Data: ['data', 'dataset', 'datasets', '数据'],
	Code: ['code', 'github', '代码'],
	'Project Page': ['project page'],
	'Journal Ref': ['journal ref', 'journal', '期刊'],
	DOI: ['doi'],
	Subjects: ['subjects', 'tags'],
	Novelty: ['novelty', 'impact', 'future work'],
	// StringsLi's `研究问题` (the question a paper asks) was shown as NOVELTY
	Problem: ['problem', 'research question', '研究问题'],
	// StringsLi's `实验 / 验证` and `免费全文` (links to the paper) showed as raw Chinese headings among English ones
	Experiments: ['experiments', 'experiment', '实验', '实验 / 验证'],
	'Full Text': ['full text', '免费全文'],
	Why: ['why', 'reason', '推荐理由'],
	'Matched Topics': ['matched topics', 'topics'],
	Source: ['source', '来源'],
};

/** every label the parser knows, as listed above (a field's and a common extra one's): the grammar must colour each */
export function knownLabels(): string[] {
	return [...Object.values(LABELS), ...Object.values(EXTRA_LABELS)].flat();
}

/** lower case, without spaces and the punctuation forks vary (`TL;DR` = `tldr`, `Main_Category` = `maincategory`) */
export function normaliseLabel(label: string): string {
	let out = '';
	const lower = label.toLowerCase();
	for (let i = 0; i < lower.length; i++) {
		const c = lower[i];
		if (c === ' ' || c === '_' || c === '-' || c === ';' || c === '.' || c === '\'' || c === '\u3000' || c === '\t') continue;
		out += c;
	}
	return out;
}

const KEY_BY_LABEL = new Map<string, LabelKey>();
for (const key of Object.keys(LABELS) as LabelKey[]) {
	for (const label of LABELS[key]) KEY_BY_LABEL.set(normaliseLabel(label), key);
}

/**
 * an emoji or symbol a fork sets before its labels (`#### 🧩 TL;DR`, `**📊 主类别**:`, `⚙️ 方法与发现`),
 * with its variation selector, joiners and the space after it
 */
const LEADING_SIGN = /^[\p{Extended_Pictographic}\p{So}][\p{Extended_Pictographic}\p{So}\p{M}\u200d]*[ \t\u3000]*/u;

/** the label without the emoji or symbol before its words (`📄 原文摘要` → `原文摘要`) */
function withoutLeadingSign(label: string): string {
	const c = label.charCodeAt(0);
	// letters, digits and CJK: nothing to remove, and no regex to run
	if (c < 0x2000 || (c >= 0x3000 && c < 0xd800)) return label;
	const m = LEADING_SIGN.exec(label);
	return m ? label.slice(m[0].length) : label;
}

/** the canonical key for a label as written, or undefined for labels the parser keeps in `extra` */
export function labelKey(label: string): LabelKey | undefined {
	const cached = keyCache.get(label);
	if (cached !== undefined) return cached || undefined;
	const words = withoutLeadingSign(label);
	const key = KEY_BY_LABEL.get(normaliseLabel(words)) ?? translationByParenthesis(words) ?? byParenthesis(words, (part) => KEY_BY_LABEL.get(normaliseLabel(part)));
	if (keyCache.size < 4096) keyCache.set(ownCopy(label), key ?? '');
	return key;
}
const keyCache = new Map<string, LabelKey | ''>();

/** `Label (words)`: the words in parentheses and those outside them, or undefined for a label without */
function parenthesised(label: string): { inner: string; outer: string } | undefined {
	const open = label.search(/[(（]/);
	if (open < 0) return undefined;
	const close = label.slice(open + 1).search(/[)）]/);
	if (close < 0) return undefined;
	return { inner: label.slice(open + 1, open + 1 + close), outer: label.slice(0, open) + label.slice(open + 2 + close) };
}

/**
 * `핵심 요약 (TL;DR)`, `中文摘要 (Abstract in Chinese)`: the English name in parentheses is tried first
 * (forks translate their labels more freely than they name them), then the words outside.
 */
function byParenthesis<T>(label: string, look: (part: string) => T | undefined): T | undefined {
	const parts = parenthesised(label);
	return parts && (look(parts.inner) ?? look(parts.outer));
}

/** the language of a translation, in parentheses after the field it translates (`Abstract (中文)`) */
const TRANSLATION_LANGUAGES = new Set(['中文', '中文版', '简体中文', '汉语', 'chinese', 'zh', '日本語', '日语', 'japanese', '한국어', '한글', 'korean'].map(normaliseLabel));

/** `Abstract (中文)`, `Abstract (Chinese)`: the abstract in that language, its translation */
function translationByParenthesis(label: string): LabelKey | undefined {
	const parts = parenthesised(label);
	if (!parts || !TRANSLATION_LANGUAGES.has(normaliseLabel(parts.inner))) return undefined;
	return KEY_BY_LABEL.get(normaliseLabel(parts.outer)) === 'abstract' ? 'abstractTranslation' : undefined;
}

const EXTRA_BY_LABEL = new Map<string, string>();
for (const [name, synonyms] of Object.entries(EXTRA_LABELS)) {
	for (const label of synonyms) EXTRA_BY_LABEL.set(normaliseLabel(label), name);
}

/** the name a common extra label is shown with (`Key words` → `Keywords`), or undefined for others */
export function extraLabelName(label: string): string | undefined {
	const words = withoutLeadingSign(label);
	return EXTRA_BY_LABEL.get(normaliseLabel(words)) ?? byParenthesis(words, (part) => EXTRA_BY_LABEL.get(normaliseLabel(part)));
}

/** a label without canonical key that forks commonly write (Keywords, Comment, Relevance Score...) */
export function isCommonExtraLabel(label: string): boolean {
	return extraLabelName(label) !== undefined;
}

export interface LabelLine {
	/** the label as written, without markup, quote marker or colon */
	label: string;
	key?: LabelKey;
	/** the text after the colon, with the label's closing markup removed */
	value: string;
	/** the label was set in `**bold**`, `*italic*` or `__bold__` */
	emphasized: boolean;
	/** the line started with `>` */
	quoted: boolean;
	/** the line was a list item (`- **TL;DR:** ...`) */
	bullet: boolean;
}

/** how far after the label start a colon may be: labels are short, and long lines must stay cheap */
const MAX_LABEL_SCAN = 64;
/**
 * words, after an emoji or symbol the fork sets before them (see LEADING_SIGN); parentheses ASCII or
 * full-width, as a Chinese keyboard types them (`摘要（中文）`, read as `摘要 (中文)` is; see mayBeExtraLabel)
 */
const LABEL_SHAPE = /^(?:[\p{Extended_Pictographic}\p{So}][\p{Extended_Pictographic}\p{So}\p{M}\u200d]*[ \t\u3000]*)?\p{L}[\p{L}\p{M}\p{N} _\-;/&'.()（）]*$/u;
/** label text → its key, `true` for a valid unknown label, `false` for text that is no label */
const shapeCache = new Map<string, LabelKey | boolean>();

/**
 * Can a label with no field of its own be one? With full-width parentheses only where it is a common extra
 * label (`关键词（Keywords）`): in Chinese prose a clause ending in a term and its English in parentheses
 * comes before a colon (`…相对速度（streaming velocity）：…`), where a label of a field's name
 * (`摘要（中文）`, `核心要点（TL;DR）`) is a label
 */
function mayBeExtraLabel(label: string): boolean {
	return label.indexOf('（') < 0 || isCommonExtraLabel(label);
}

/** what a field's label holds in full-width parentheses: its English or a language (`核心要点（TL;DR）`, `摘要（中文）`) */
const FULL_WIDTH_GLOSS = /（(?:[A-Za-z][A-Za-z ;:&/.'-]*|中文|英文|原文|译文|翻译|中文翻译|英文原文)）/;

/**
 * Can a label naming a field be one with full-width parentheses? Where they hold the field's English or a
 * language; a note there is a clause of prose before a colon (`方法（见图2）：先编码再解码。` in a Result)
 */
function mayBeFieldLabel(label: string): boolean {
	return label.indexOf('（') < 0 || FULL_WIDTH_GLOSS.test(label);
}

function isBlank(code: number): boolean {
	return code === 32 || code === 9 || code === 0xa0 || code === 0x3000 || code === 13;
}

function isEmphasis(code: number): boolean {
	return code === 42 /* * */ || code === 95 /* _ */;
}

/**
 * Reads `Label: value` in any of its markup shapes. Returns undefined for lines that are not label
 * lines (including indented lines, which are continuations or list items, and URLs such as `http://`).
 */
export function parseLabelLine(line: string): LabelLine | undefined {
	const out: LabelLine = { label: '', value: '', emphasized: false, quoted: false, bullet: false };
	return readLabelLine(line, out) ? out : undefined;
}

/**
 * `parseLabelLine` writing into `out` instead of allocating: the parser calls it for most lines of
 * a file, and reuses one object. Returns false (leaving `out` in an unspecified state) for non-labels.
 */
export function readLabelLine(line: string, out: LabelLine): boolean {
	const n = line.length;
	if (n === 0) return false;
	const first = line.charCodeAt(0);
	if (first === 32 || first === 9) return false;
	let i = 0;
	let quoted = false;
	while (i < n && line.charCodeAt(i) === 62 /* > */) {
		quoted = true;
		i++;
		while (i < n && line.charCodeAt(i) === 32) i++;
	}
	let bullet = false;
	const b = line.charCodeAt(i);
	if ((b === 45 || b === 43 || b === 42) && line.charCodeAt(i + 1) === 32) {
		bullet = true;
		i += 2;
		while (i < n && line.charCodeAt(i) === 32) i++;
	}
	let open = 0;
	while (open < 3 && i + open < n && isEmphasis(line.charCodeAt(i + open))) open++;
	const labelStart = i + open;
	const limit = Math.min(n, labelStart + MAX_LABEL_SCAN);
	let colon = -1;
	for (let j = labelStart; j < limit; j++) {
		const c = line.charCodeAt(j);
		if (c === 58 || c === 0xff1a) {
			colon = j;
			break;
		}
	}
	if (colon < 0) return false;
	if (line.charCodeAt(colon + 1) === 47 /* / */) return false;
	let labelEnd = colon;
	let closeBefore = 0;
	while (labelEnd > labelStart && isEmphasis(line.charCodeAt(labelEnd - 1))) {
		labelEnd--;
		closeBefore++;
	}
	const label = line.slice(labelStart, labelEnd).trim();
	const known = shapeCache.get(label);
	let key: LabelKey | undefined;
	if (known !== undefined) {
		if (known === false) return false;
		key = known === true ? undefined : known;
	} else {
		const shaped = label.length > 0 && label.length <= 40 && LABEL_SHAPE.test(label);
		key = shaped ? labelKey(label) : undefined;
		const valid = shaped && (key !== undefined ? mayBeFieldLabel(label) : mayBeExtraLabel(label));
		if (!valid) key = undefined;
		// labels repeat on every paper: remember the verdict, but cap what garbage input can make us keep
		// (a copy as the key: the label is a slice of the line, which pins the whole file's text)
		if (shapeCache.size < 4096) shapeCache.set(ownCopy(label), valid ? key ?? true : false);
		if (!valid) return false;
	}
	let k = colon + 1;
	let closeAfter = 0;
	while (closeAfter < 3 && k < n && isEmphasis(line.charCodeAt(k))) {
		k++;
		closeAfter++;
	}
	// one slice for the value: trimming by index avoids the intermediate strings of slice().trim()
	while (k < n && isBlank(line.charCodeAt(k))) k++;
	let end = n;
	while (end > k && isBlank(line.charCodeAt(end - 1))) end--;
	if (open > 0 && closeBefore === 0 && closeAfter === 0) {
		// `**Main category: cs.CR**`: the closing markup ends the value
		let stripped = 0;
		while (stripped < open && end > k && isEmphasis(line.charCodeAt(end - 1))) {
			end--;
			stripped++;
		}
		while (end > k && isBlank(line.charCodeAt(end - 1))) end--;
	}
	const value = k === 0 && end === n ? line : line.slice(k, end);
	out.label = label;
	out.key = key;
	out.value = value;
	out.emphasized = open > 0;
	out.quoted = quoted;
	out.bullet = bullet;
	return true;
}

/** `N/A` and friends: a field the LLM left empty */
const EMPTY_VALUES = new Set(['n/a', 'na', 'n.a.', 'none', 'null', 'nil', '-', '—', '无', '暂无', '없음', 'なし', '該当なし']);
/** what a failed LLM call writes in place of a value */
const FAILURE_VALUES = new Set(['error', 'undefined', 'failed', 'generation failed', '生成失败', '错误', 'エラー', '오류']);
/**
 * the words an LLM summary field's own fallback names before "unavailable" (upstream's `Motivation
 * analysis unavailable`, a fork's `Summary unavailable`, `Classification unavailable`): the summary, its
 * fields, the LLM's work; `Code unavailable` names no summary and is text
 */
const FALLBACK_WORDS = new Set([
	'summary', 'tldr', 'tl;dr', 'ai', 'llm', 'motivation', 'method', 'methods', 'methodology', 'approach', 'result', 'results', 'findings',
	'conclusion', 'conclusions', 'translation', 'title', 'analysis', 'generation', 'extraction', 'classification', 'content', 'response', 'output',
]);

/** an empty value or a placeholder for one */
export function isEmptyValue(value: string): boolean {
	return value.length === 0 || isPlaceholder(value);
}

/**
 * `N/A`, `Error`, `Summary generation failed`, `Method extraction failed`: text that stands for a
 * missing value. Short values only, so real text ending in "failed" is never taken for one. In a field an
 * LLM writes (`summary`: TL;DR, motivation, method, result, conclusion, a translation), so is its fallback
 * when the call fails, `Motivation analysis unavailable` (upstream's `DEFAULT_AI_FIELDS` in enhance.py),
 * `Unavailable`: "unavailable" after words that name the summary or its analysis only (see FALLBACK_WORDS),
 * as `Code: Unavailable` or `TL;DR: Code unavailable` say something true of the paper.
 */
export function isPlaceholder(value: string, summary = false): boolean {
	if (value.length === 0 || value.length > 48) return false;
	let v = value.trim();
	while (v.length > 0 && isEmphasis(v.charCodeAt(0))) v = v.slice(1);
	while (v.length > 0 && isEmphasis(v.charCodeAt(v.length - 1))) v = v.slice(0, -1);
	v = v.trim().toLowerCase();
	if (v.endsWith('.')) v = v.slice(0, -1);
	if (v.length === 0 || EMPTY_VALUES.has(v) || FAILURE_VALUES.has(v)) return true;
	// `<Field> generation failed`, `<Field> extraction failed`: a few words and "failed"
	if (v.endsWith(' failed')) return v.split(' ').length <= 4;
	if (!summary || !(v === 'unavailable' || v.endsWith(' unavailable'))) return false;
	const words = v.split(' ');
	return words.length <= 4 && words.every((w, k) => k === words.length - 1 || FALLBACK_WORDS.has(w));
}
