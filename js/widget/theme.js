// The widget's look: metalock-widget.css, next to the widget's chunk in dist/, linked once per
// page (style-src 'self' allows it; no inline style). theme.primaryColor becomes a custom
// property on a rule of that sheet through the CSSOM, after the browser agreed it is a color.
import { el } from './dom.js';

let stylesheet = null;
let themes = 0;

export function loadStylesheet() {
  stylesheet ??= new Promise((resolve) => {
    document.head.append(el('link', {
      rel: 'stylesheet',
      href: new URL('./metalock-widget.css', import.meta.url).href,
      onload: (event) => resolve(event.target.sheet),
      onerror: () => resolve(null),   // unstyled beats unusable
    }));
  });
  return stylesheet;
}

// -> the class name carrying the color, or '' when there is none to apply.
export async function themeClass(primaryColor) {
  if (!primaryColor || !globalThis.CSS?.supports?.('color', primaryColor)) return '';
  const sheet = await loadStylesheet();
  if (!sheet) return '';
  themes += 1;
  const name = `mlk-theme-${themes}`;
  try {
    const rule = sheet.cssRules[sheet.insertRule(`.${name} {}`, sheet.cssRules.length)];
    rule.style.setProperty('--mlk-primary', primaryColor);
    return name;
  } catch {
    return '';   // a sheet from another origin cannot be written to: the default color stays
  }
}
