/**
 * Element builders. Everything users wrote reaches the page through text nodes and
 * attributes, never through HTML parsing: no HTML-string API is used anywhere in the dashboard.
 */
const BOOLEAN_PROPERTIES = new Set(['hidden', 'disabled', 'checked', 'selected', 'required']);

function applyProps(element, props) {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.setAttribute('class', value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'style') Object.assign(element.style, value);
    else if (name.startsWith('on') && typeof value === 'function')
      element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (BOOLEAN_PROPERTIES.has(name)) element[name] = Boolean(value);
    else if (name === 'value') element.value = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

function appendChildren(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** h('p', {class: 'x'}, 'text', child): strings become text nodes. */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  applyProps(element, props);
  appendChildren(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s(tag, attributes, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== undefined && value !== null && value !== false)
      element.setAttribute(name, String(value));
  }
  appendChildren(element, children);
  return element;
}

/** Only http(s) links from data are made clickable; anything else (javascript:, data:) stays text. */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function externalLink(url, label = url) {
  const href = safeHref(url);
  if (!href) return h('span', { class: 'break' }, label ?? '');
  return h(
    'a',
    { href, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'break' },
    label ?? url,
  );
}

let announcer;
/** Tells screen readers what just happened (saved, removed, loaded). */
export function announce(message) {
  announcer ??= document.getElementById('announcer');
  if (!announcer) return;
  announcer.textContent = '';
  setTimeout(() => (announcer.textContent = message), 30);
}

export function initials(name) {
  const words = String(name ?? '?')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const letters =
    words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}
