// The YAML writer of the form editor (a Decap CMS custom format): a case file saved as the project writes YAML.
//
// Decap's own YAML format rewrites the whole file: it drops every comment, writes 318600.00 as 318600 and
// orders nested keys as the form happens to hold them. This writer changes only what the form changed: a
// value edited in place is replaced in the text and nothing else moves; a top-level section that gained or
// lost entries is written anew (its comments kept) while the other sections stay byte for byte; a new file
// follows the schema's key order. Amounts keep two decimals, dates stay plain YYYY-MM-DD, and text that YAML
// would read as a date or a number is quoted.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, parseDocument, stringify } from './vendor/yaml/index.js';

const WRITE = { lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: false };
const SCHEMA_LINE = ' yaml-language-server: $schema=../schema/case.schema.json';

// ``fields``: the collection's fields in admin/config.yml, which describe every value of a case file.
// ``saving(raw)`` names the file text of the entry about to be saved (Decap's preSave event); without it, as
// for Decap's draft backups, the text loaded for the same case id is the base.
export function caseFormat(fields) {
  const root = { widget: 'object', fields };
  const originals = new Map(); // case id → the file's text as loaded
  let saving = null;
  return {
    fromFile(text) {
      const doc = parseDocument(text);
      if (doc.errors.length) throw new Error(`YAML 语法错误：${doc.errors[0].message}`);
      const data = doc.toJS() ?? {};
      if (typeof data.id === 'string') originals.set(data.id, text);
      return data;
    },
    saving(raw) {
      saving = raw || null;
    },
    toFile(data) {
      const value = prune(data) ?? {};
      const base = saving ?? originals.get(value.id);
      saving = null;
      return (base && patched(base, value, root)) || fresh(value, root);
    },
  };
}

// Control characters other than tab and newline are refused in every case file (loading/guarded.py): they are
// invisible in the form, usually pasted along with text from elsewhere, so the form drops them from what it saves.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

// Characters YAML does not allow raw in a file (LS and PS would be read as line breaks, U+FFFE and U+FFFF are
// not characters): scalar() double-quotes text holding them, and the text this writer makes (never the
// original's) carries them as \u escapes.
const UNPRINTABLE = /[\u2028\u2029\ufffe\uffff]/g;
const escaped = (text) => text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

// Empty values are absent: Decap leaves "" or [] behind when a field is opened and cleared. Text loses its controls.
function prune(value) {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, prune(v)]).filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  const typed = typeof value === 'string' ? value.replace(CONTROL, '') : value;
  return typed === null || typed === undefined || typed === '' ? undefined : typed;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// The field spec of a value: an object's field, a list's item, one variant of a typed list.
function child(spec, key) {
  return spec?.fields?.find((f) => f.name === key) ?? (spec?.typeKey === key ? { widget: 'string' } : undefined);
}

function item(spec, value) {
  if (spec?.types) {
    const variant = spec.types.find((t) => t.name === value?.[spec.typeKey]);
    return variant && { widget: 'object', typeKey: spec.typeKey, fields: variant.fields };
  }
  if (spec?.fields) return { widget: 'object', fields: spec.fields };
  return spec?.field ?? (spec?.multiple ? { widget: 'select' } : undefined);
}

function order(spec) {
  return [...(spec?.typeKey ? [spec.typeKey] : []), ...(spec?.fields ?? []).map((f) => f.name)];
}

// Keys in the schema's order; keys the form does not know keep their place at the end.
function ordered(keys, spec) {
  const known = order(spec);
  return [...known.filter((k) => keys.includes(k)), ...keys.filter((k) => !known.includes(k))];
}

const RUAMEL_NOT_TEXT = [/^\d{4}-\d\d?-\d\d?(?:[Tt\s]|$)/, /^[-+]?[\d_.]+(?:[eE][-+]?\d+)?$/, /^(=|<<)$/];
const isAmount = (spec) => spec?.widget === 'number' && spec.value_type === 'float';
const isDate = (spec) => spec?.widget === 'datetime';

// A scalar as the project writes it; ``flow`` inside [a, b], where libyaml (which ruamel reads case files
// with) ends a plain value at more characters than the yaml library knows: there only plain names stay plain.
const FLOW_PLAIN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}\p{Zs}._（）〔〕、·—-]*$/u; // names, as lists of departments hold; else quoted
function scalar(value, spec, flow = false) {
  const node = new Scalar(value);
  if (flow && typeof value === 'string' && !(FLOW_PLAIN.test(value) && value.trimEnd() === value)) node.type = Scalar.QUOTE_DOUBLE;
  if (typeof value === 'number' && isAmount(spec)) node.minFractionDigits = 2;
  // The yaml library quotes what YAML 1.2 would not read back as text; ruamel, which reads case files, also
  // takes 2024-05-01 for a date, 1_000 for a number, and = or << for YAML 1.1's value and merge keys.
  if (typeof value === 'string' && !isDate(spec) && RUAMEL_NOT_TEXT.some((re) => re.test(value))) node.type = Scalar.QUOTE_DOUBLE;
  // Blank text, or text with spaces at an end (U+00A0, U+3000 too), is read back trimmed or empty unless quoted.
  if (typeof value === 'string' && (value.search(UNPRINTABLE) >= 0 || value.trim() !== value)) node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

function node(value, spec) {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.flow = value.every((v) => typeof v !== 'object'); // [固原市, 中卫市], as the sample files write short lists
    seq.items = value.map((v) => (seq.flow ? scalar(v, item(spec, v), true) : node(v, item(spec, v))));
    return seq;
  }
  if (value && typeof value === 'object') {
    const map = new YAMLMap();
    for (const key of ordered(Object.keys(value), spec)) map.items.push(new Pair(new Scalar(key), node(value[key], child(spec, key))));
    return map;
  }
  return scalar(value, spec);
}

function fresh(value, root) {
  const doc = new Document();
  doc.contents = node(value, root);
  doc.commentBefore = SCHEMA_LINE; // VS Code's YAML extension then completes fields, as in files from `ecoredress new`
  return escaped(doc.toString(WRITE));
}

// The saved text, made from the original; null if the original cannot serve as the base.
function patched(base, value, root) {
  const doc = parseDocument(base, { keepSourceTokens: true });
  if (doc.errors.length || !isMap(doc.contents)) return null;
  const before = prune(doc.toJS()) ?? {};
  if (same(before, value)) return base;
  const edits = [];
  if (inPlace(doc.contents, before, value, root, edits)) {
    let text = base;
    for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    return text;
  }
  return bySection(base, doc, before, value, root);
}

// Scalar replacements only, each at its place in the text; false on any change of structure.
function inPlace(current, before, after, spec, edits, flow = false) {
  if (same(before, after)) return true;
  if (Array.isArray(before) && Array.isArray(after) && isSeq(current) && before.length === after.length) {
    return after.every((v, i) => inPlace(current.items[i], before[i], v, item(spec, v), edits, flow || current.flow));
  }
  const objects = [before, after].every((v) => v && typeof v === 'object' && !Array.isArray(v));
  if (objects && isMap(current) && same(Object.keys(before).sort(), Object.keys(after).sort())) {
    return Object.keys(after).every((k) => inPlace(current.get(k, true), before[k], after[k], child(spec, k), edits, flow || current.flow));
  }
  const block = [Scalar.BLOCK_FOLDED, Scalar.BLOCK_LITERAL].includes(current?.type);
  if (typeof after === 'object' || typeof before === 'object' || !isScalar(current) || !current.range || block) return false;
  const text = stringify(scalar(after, spec, flow), WRITE).trimEnd();
  if (text.includes('\n')) return false;
  edits.push({ start: current.range[0], end: current.range[1], text: escaped(text) });
  return true;
}

// Rewrite the top-level sections that changed; keep every other section, and the comments around the
// sections, exactly as they were. A section's own comment lines (right above its key) go with it.
function bySection(base, doc, before, value, root) {
  const items = doc.contents.items;
  const original = items.map((pair, i) => {
    const start = pair.key.range[0];
    const end = pair.value?.range?.[2] ?? pair.key.range[2];
    const next = items[i + 1] ? leadStart(base, items[i + 1].key.range[0]) : base.length;
    return { key: pair.key.value, lead: base.slice(leadStart(base, start), start), text: base.slice(start, end), tail: base.slice(end, next) };
  });
  let text = base.slice(0, items.length ? leadStart(base, items[0].key.range[0]) : 0);
  merge(doc.contents, value, root, before);
  const merged = doc.contents.items;
  let next = 0;
  for (const old of original) {
    const at = merged.findIndex((p) => p.key.value === old.key);
    if (at < 0) {
      text += old.tail; // a removed section: the comments after it belong to what follows
      continue;
    }
    for (; next < at; next += 1) text += section(merged[next]); // new sections, in the schema's order
    next = at + 1;
    text += old.lead + (same(before[old.key], value[old.key]) ? old.text : section(merged[at])) + old.tail;
  }
  for (; next < merged.length; next += 1) text += section(merged[next]);
  return text.endsWith('\n') ? text : `${text}\n`;
}

// Where the comment lines directly above ``offset`` (the start of a top-level key's line) begin.
function leadStart(base, offset) {
  let start = offset;
  while (start > 0) {
    const lineStart = base.lastIndexOf('\n', start - 2) + 1;
    if (!base.slice(lineStart, start).startsWith('#')) break;
    start = lineStart;
  }
  return start;
}

function section(pair) {
  pair.key.commentBefore = undefined; // those comment lines stay in the text above the section
  pair.key.spaceBefore = undefined;
  const doc = new Document();
  doc.contents = new YAMLMap();
  doc.contents.items.push(pair);
  return escaped(doc.toString(WRITE));
}

// Bring the node tree to ``value``, keeping the nodes (with their comments and styles) that stay.
function merge(current, value, spec, before, flow = false) {
  if (Array.isArray(value) && isSeq(current)) {
    const inner = flow || current.flow;
    current.items = value.map((v, i) =>
      i < current.items.length ? merge(current.items[i], v, item(spec, v), before?.[i], inner) : inner && typeof v !== 'object' ? scalar(v, item(spec, v), true) : node(v, item(spec, v)),
    );
    if (value.some((v) => typeof v === 'object')) current.flow = false; // `obligors: []` filled with entries becomes a block list
    return current;
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && isMap(current)) {
    const known = order(spec);
    // Drop what the form removed; keep what it does not know, and what was empty already (obligors: []).
    current.items = current.items.filter((p) => !known.includes(p.key.value) || p.key.value in value || before?.[p.key.value] === undefined);
    for (const key of ordered(Object.keys(value), spec)) {
      const pair = current.items.find((p) => p.key.value === key);
      if (pair && same(before?.[key], value[key])) continue;
      if (pair) {
        pair.value = merge(pair.value, value[key], child(spec, key), before?.[key], flow || current.flow);
      } else {
        const at = current.items.findIndex((p) => known.indexOf(p.key.value) > known.indexOf(key));
        current.items.splice(at < 0 ? current.items.length : at, 0, new Pair(new Scalar(key), node(value[key], child(spec, key))));
      }
    }
    return current;
  }
  if (typeof value !== 'object' && isScalar(current)) {
    const replaced = scalar(value, spec, flow);
    if (![Scalar.PLAIN, undefined].includes(current.type) && typeof value === 'string' && replaced.type === undefined) replaced.type = current.type; // a folded or quoted text stays so
    if (current.minFractionDigits) replaced.minFractionDigits = current.minFractionDigits;
    replaced.comment = current.comment;
    return replaced;
  }
  return node(value, spec);
}
