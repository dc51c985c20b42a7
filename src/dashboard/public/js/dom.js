// @ts-check
/**
 * Element builders. Everything users wrote reaches the page through text nodes and
 * attributes, never through HTML parsing: no HTML-string API is used anywhere in the dashboard.
 */
const BOOLEAN_PROPERTIES = new Set(['hidden', 'disabled', 'checked', 'selected', 'required']);

/**
 * What an element can hold: nodes, text (numbers and strings), and lists of them nested three
 * deep (JSDoc cannot declare a recursive list); null, undefined and false are skipped so that
 * `condition ? child : null` reads naturally.
 * @typedef {Node | string | number | boolean | null | undefined} Leaf
 * @typedef {Leaf | ReadonlyArray<Leaf | ReadonlyArray<Leaf | ReadonlyArray<Leaf>>>} Child
 */

/**
 * Attributes, plus `class`, `dataset`, `style`, `on…` listeners and the boolean properties.
 * @typedef {Record<string, unknown>} Props
 */

/**
 * @param {HTMLElement} element
 * @param {Props | null | undefined} props
 */
function applyProps(element, props) {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.setAttribute('class', String(value));
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'style') Object.assign(element.style, value);
    else if (name.startsWith('on') && typeof value === 'function')
      element.addEventListener(name.slice(2).toLowerCase(), /** @type {EventListener} */ (value));
    else if (BOOLEAN_PROPERTIES.has(name))
      /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (element))[name] =
        Boolean(value);
    else if (name === 'value') /** @type {HTMLInputElement} */ (element).value = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

/**
 * @param {Element} element
 * @param {Child[]} children
 */
function appendChildren(element, children) {
  for (const child of /** @type {Child[]} */ (children.flat(Infinity))) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/**
 * h('p', {class: 'x'}, 'text', child): strings become text nodes.
 * @template {keyof HTMLElementTagNameMap} Tag
 * @param {Tag} tag
 * @param {Props | null} [props]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[Tag]}
 */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  applyProps(element, props);
  appendChildren(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An SVG element; attributes are set as given.
 * @template {keyof SVGElementTagNameMap} Tag
 * @param {Tag} tag
 * @param {Record<string, unknown> | null} [attributes]
 * @param {...Child} children
 * @returns {SVGElementTagNameMap[Tag]}
 */
export function s(tag, attributes, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== undefined && value !== null && value !== false)
      element.setAttribute(name, String(value));
  }
  appendChildren(element, children);
  return element;
}

/**
 * Only http(s) links from data are made clickable; anything else (javascript:, data:) stays text.
 * @param {unknown} url
 * @returns {string | null}
 */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * @param {string | null | undefined} url
 * @param {Child} [label]
 */
export function externalLink(url, label = url) {
  const href = safeHref(url);
  if (!href) return h('span', { class: 'break' }, label ?? '');
  return h(
    'a',
    { href, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'break' },
    label ?? url,
  );
}

/** @type {HTMLElement | null | undefined} */
let announcer;
/**
 * Tells screen readers what just happened (saved, removed, loaded).
 * @param {string} message
 */
export function announce(message) {
  announcer ??= document.getElementById('announcer');
  if (!announcer) return;
  const region = announcer;
  region.textContent = '';
  setTimeout(() => (region.textContent = message), 30);
}

/**
 * @param {string | null | undefined} name
 * @returns {string}
 */
export function initials(name) {
  const words = String(name ?? '?')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const letters =
    words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}
