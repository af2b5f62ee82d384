// The user_metadata editor: one row per top-level key (text, or any JSON value), the PATCH
// body buildMetadataPatch(before, after) makes of the edits, shown before it is sent, and then
// the server's answer (or the MetalockError, refused before sending or from the server).
import { buildMetadataPatch } from '/metalock/metalock.js';
import { byId, h, replaceChildren } from './dom.js';
import { jsonNodes } from './json-view.js';

// A row's value -> [value] or an error message.
function readValue(kind, text) {
  if (kind === 'text') return [text];
  try {
    return [JSON.parse(text)];
  } catch {
    return [undefined, 'Not valid JSON (a string needs "quotes")'];
  }
}

export class MetadataEditor {
  #rows = [];
  #before = {};
  #userId = '';
  #patch = null;
  #previewRun = 0;
  #save;
  #onSaved;
  #nextRowId = 0;

  // save(changes) -> the user the server returned; onSaved(user) after a successful save.
  constructor({ save, onSaved }) {
    this.#save = save;
    this.#onSaved = onSaved;
    byId('add-row').addEventListener('click', () => {
      const row = this.#addRow('', 'text', '');
      this.#render();
      row.keyInput.focus();
    });
    byId('reset-editor').addEventListener('click', () => this.load(this.#before, this.#userId));
    byId('editor-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit();
    });
  }

  load(userMetadata, userId) {
    this.#before = userMetadata;
    this.#userId = userId;
    this.#rows = [];
    for (const [key, value] of Object.entries(userMetadata)) {
      if (typeof value === 'string') this.#addRow(key, 'text', value);
      else this.#addRow(key, 'json', JSON.stringify(value));
    }
    byId('patch-url').textContent = `/api/v2/users/${encodeURIComponent(userId)}`;
    this.#render();
  }

  clearAnswer() {
    replaceChildren(byId('answer'), h('p', { class: 'muted' }, 'Nothing sent yet.'));
  }

  #addRow(key, kind, text) {
    const id = `row-${this.#nextRowId += 1}`;
    const row = { id, key, kind, text };
    const update = () => this.#preview();
    row.keyInput = h('input', { class: 'input key', id: `${id}-key`, value: key, 'aria-label': 'Key', autocomplete: 'off', spellcheck: 'false',
      oninput: (event) => { row.key = event.target.value; update(); } });
    row.kindSelect = h('select', { class: 'input kind', 'aria-label': 'Value type',
      onchange: (event) => { row.kind = event.target.value; update(); } },
    h('option', { value: 'text', selected: kind === 'text' }, 'text'),
    h('option', { value: 'json', selected: kind === 'json' }, 'JSON'));
    row.valueInput = h('input', { class: 'input value', value: text, 'aria-label': 'Value', autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': `${id}-error`, oninput: (event) => { row.text = event.target.value; update(); } });
    row.error = h('p', { class: 'row-error', id: `${id}-error`, 'aria-live': 'polite' });
    row.element = h('div', { class: 'row', role: 'listitem' },
      row.keyInput, row.kindSelect, row.valueInput,
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Remove this key', title: 'Remove this key',
        onclick: () => this.#removeRow(row) }, '×'),
      row.error);
    this.#rows.push(row);
    return row;
  }

  #removeRow(row) {
    this.#rows = this.#rows.filter((other) => other !== row);
    this.#render();
    byId('add-row').focus();
  }

  #render() {
    replaceChildren(byId('editor-rows'), this.#rows.length > 0
      ? this.#rows.map((row) => row.element)
      : h('p', { class: 'muted empty' }, 'No keys: add one, or save to delete them all.'));
    this.#preview();
  }

  // The edits -> {after} or {errors}; every row shows its own problem.
  #readRows() {
    const after = {};
    let valid = true;
    for (const row of this.#rows) {
      const key = row.key;
      let problem = '';
      const [value, valueProblem] = readValue(row.kind, row.text);
      if (key === '' && row.text === '') problem = '';
      else if (key === '') problem = 'Give the key a name';
      else if (Object.hasOwn(after, key)) problem = `"${key}" appears twice`;
      else if (valueProblem) problem = valueProblem;
      row.error.textContent = problem;
      row.keyInput.setAttribute('aria-invalid', 'false');
      row.valueInput.setAttribute('aria-invalid', problem ? 'true' : 'false');
      if (problem) valid = false;
      else if (key !== '') after[key] = value;
      const changed = key !== '' && !problem
        && (!Object.hasOwn(this.#before, key) || JSON.stringify(this.#before[key]) !== JSON.stringify(value));
      row.element.classList.toggle('row-changed', changed);
    }
    return valid ? after : null;
  }

  async #preview() {
    const run = this.#previewRun += 1;
    const after = this.#readRows();
    const save = byId('save');
    const body = byId('patch-body');
    if (after === null) {
      this.#patch = null;
      save.disabled = true;
      replaceChildren(body, h('span', { class: 'muted' }, 'Fix the marked rows first.'));
      return;
    }
    let patch;
    try {
      patch = await buildMetadataPatch(this.#before, after);
    } catch (error) {
      if (run !== this.#previewRun) return;
      this.#patch = null;
      save.disabled = true;
      // The core names the field at fault (user_metadata.<key>): say it on that row too.
      const row = this.#rows.find((candidate) => [candidate.key, `user_metadata.${candidate.key}`].includes(error.field));
      if (row) {
        row.error.textContent = error.description ?? error.message;
        row.keyInput.setAttribute('aria-invalid', 'true');
      }
      replaceChildren(body, h('span', { class: 'error-text' }, `${error.code}: ${error.description ?? error.message}`));
      return;
    }
    if (run !== this.#previewRun) return;
    this.#patch = patch;
    save.disabled = patch === null;
    replaceChildren(body, patch === null
      ? h('span', { class: 'muted' }, 'No changes: nothing will be sent.')
      : jsonNodes(patch));
  }

  async #submit() {
    const patch = this.#patch;
    if (!patch) return;
    const save = byId('save');
    save.disabled = true;
    save.textContent = 'Saving…';
    const answer = byId('answer');
    replaceChildren(answer, h('p', { class: 'muted' }, 'Sending…'));
    let user;
    try {
      user = await this.#save(patch.user_metadata);
    } catch (error) {
      this.#showFailure(patch, error);
      this.#preview();
      return;
    } finally {
      save.textContent = 'Save';
    }
    replaceChildren(answer,
      h('p', { class: 'status status-ok' }, 'Saved. The server answered with the updated user.'),
      h('p', { class: 'answer-label' }, 'Sent'),
      h('pre', { class: 'json' }, jsonNodes(patch)),
      h('p', { class: 'answer-label' }, 'user_metadata in the answer'),
      h('pre', { class: 'json', id: 'answer-metadata' }, jsonNodes(user.user_metadata)),
      h('details', { class: 'raw' }, h('summary', {}, 'The whole user in the answer'), h('pre', { class: 'json' }, jsonNodes(user))));
    await this.#onSaved(user);
  }

  // A MetalockError: refused by the client before any request, or the server's error answer.
  #showFailure(patch, error) {
    const unreachable = error.code === 'network_error' || error.code === 'timeout';
    const sent = error.statusCode !== undefined || unreachable;
    let headline = 'Refused before sending: ';
    if (unreachable) headline = 'The server could not be reached: ';
    else if (sent) headline = `The server answered ${error.statusCode}: `;
    replaceChildren(byId('answer'),
      h('p', { class: 'status status-error' }, headline, h('code', {}, error.code ?? 'error')),
      h('p', { class: 'error-text' }, error.description ?? error.message),
      sent ? [h('p', { class: 'answer-label' }, 'Sent'), h('pre', { class: 'json' }, jsonNodes(patch))] : null,
      error.original && typeof error.original === 'object'
        ? [h('p', { class: 'answer-label' }, 'The answer'), h('pre', { class: 'json' }, jsonNodes(error.original))]
        : null);
  }
}
