// Keeps keyboard focus inside the modal: Tab and Shift+Tab wrap around its focusable
// elements, and focus that lands outside (a click on the page behind) comes back.
// What the widget renders that can take focus (it renders no textarea and no hidden input).
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root) {
  return [...root.querySelectorAll(FOCUSABLE)].filter((node) => node.getClientRects().length > 0);
}

export function trapFocus(root) {
  const onKeydown = (event) => {
    if (event.key !== 'Tab') return;
    const list = focusables(root);
    if (list.length === 0) {
      event.preventDefault();
      return;
    }
    const first = list[0];
    const last = list[list.length - 1];
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !root.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !root.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };
  const onFocusin = (event) => {
    if (!root.contains(event.target)) (focusables(root)[0] ?? root).focus();
  };
  document.addEventListener('keydown', onKeydown, true);
  document.addEventListener('focusin', onFocusin, true);
  return () => {
    document.removeEventListener('keydown', onKeydown, true);
    document.removeEventListener('focusin', onFocusin, true);
  };
}
