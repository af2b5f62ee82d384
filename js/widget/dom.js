// The widget's only way to make DOM: elements by name, attributes by setAttribute, text as
// text nodes. Nothing here parses markup, and no `style` attribute is ever written (the
// strict CSP forbids them; the look lives in metalock-widget.css).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'style') throw new Error('the widget writes no style attributes');
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
