// The widget's only way to make DOM: elements by name, attributes by setAttribute, text as
// text nodes. Nothing here parses markup, and no caller passes a `style` attribute (the strict
// CSP forbids them, and tests/e2e/widget-csp.test.js fails on any violation; the look lives in
// metalock-widget.css).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

let counter = 0;
// Ids unique on the page, for label/aria references between the widget's own elements.
export function idMaker() {
  counter += 1;
  const prefix = `mlk${counter}`;
  return (name) => `${prefix}-${name}`;
}
