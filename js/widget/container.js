// The widget's frame, as a modal dialog (the default) or inline in the app's container:
// header (logo, title), the Log In / Sign Up switch, a flash line, the screen's slot. The
// modal traps focus, closes on Escape when closable, and gives focus back on close.
import { el } from './dom.js';
import { trapFocus } from './focus-trap.js';

// An app logo: http(s), a same-origin path or a data:image URL; anything else is left out.
function logoUrl(logo) {
  if (!logo) return null;
  try {
    const url = new URL(logo, document.baseURI);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    if (url.protocol === 'data:' && /^data:image\/(png|gif|jpeg|webp);/i.test(logo)) return logo;
  } catch {
    // not a URL: no logo
  }
  return null;
}

export function createFrame({ id, t, settings, theme, onClose, onSwitch }) {
  const inline = Boolean(settings.container);
  const logo = logoUrl(settings.logo);
  const title = el('h2', { id: id('title'), class: 'mlk-title' }, t('title'));
  const close = !inline && settings.closable
    ? el('button', { type: 'button', class: 'mlk-close', 'aria-label': t('closeLabel'), onclick: () => onClose() }, '×')
    : null;
  const tabs = settings.screens.length > 1
    ? settings.screens.map((screen) => el('button', {
      type: 'button', class: 'mlk-tab', 'data-screen': screen, onclick: () => onSwitch(screen),
    }, t(screen === 'login' ? 'loginLabel' : 'signUpLabel')))
    : [];
  const nav = tabs.length ? el('nav', { class: 'mlk-tabs' }, tabs) : null;
  const flash = el('div', { class: 'mlk-flash', role: 'status' });
  const slot = el('div', { class: 'mlk-body' });
  const panel = el(inline ? 'section' : 'div', {
    class: 'mlk-panel',
    role: inline ? null : 'dialog',
    'aria-modal': inline ? null : 'true',
    'aria-labelledby': id('title'),
    tabindex: '-1',
  },
  el('header', { class: 'mlk-header' }, logo ? el('img', { class: 'mlk-logo', src: logo, alt: '' }) : null, title, close),
  nav, flash, slot);
  const root = el('div', { class: `mlk-root ${inline ? 'mlk-inline' : 'mlk-overlay'} ${theme}`.trim() }, panel);

  let releaseFocus = null;
  let returnFocusTo = null;
  const onKeydown = (event) => {
    if (event.key === 'Escape' && settings.closable) {
      event.preventDefault();
      onClose();
    }
  };

  return {
    mount() {
      if (inline) {
        const host = document.getElementById(settings.container);
        if (!host) throw new Error(`No element with id '${settings.container}' to render the widget into`);
        host.append(root);
        return;
      }
      returnFocusTo = document.activeElement;
      document.body.append(root);
      releaseFocus = trapFocus(panel);
      panel.addEventListener('keydown', onKeydown);
    },
    unmount() {
      releaseFocus?.();
      releaseFocus = null;
      panel.removeEventListener('keydown', onKeydown);
      root.remove();
      if (returnFocusTo && returnFocusTo.isConnected && typeof returnFocusTo.focus === 'function') returnFocusTo.focus();
      returnFocusTo = null;
    },
    // A form shows the Log In / Sign Up switch; a message (success, failure) stands alone.
    setScreen(screen, content, { switchable = true } = {}) {
      nav?.classList.toggle('mlk-hidden', !switchable);
      for (const tab of tabs) {
        if (tab.dataset.screen === screen) tab.setAttribute('aria-current', 'page');
        else tab.removeAttribute('aria-current');
      }
      slot.replaceChildren(content);
    },
    // {type: 'success' | 'error' | 'info', text} or null. Errors interrupt (alert).
    setFlash(message) {
      flash.replaceChildren();
      flash.className = 'mlk-flash';
      if (!message || typeof message.text !== 'string') return;
      flash.setAttribute('role', message.type === 'error' ? 'alert' : 'status');
      flash.classList.add(`mlk-flash-${['success', 'error', 'info'].includes(message.type) ? message.type : 'info'}`);
      flash.append(el('p', {}, message.text));
    },
    inline,
  };
}
