// The submit page: drag-and-drop onto the file field, and a validation report as soon as a file (or the task type)
// is chosen, from POST /api/validate. Everything is built with textContent: uploaded text is never HTML.
(() => {
  const form = document.getElementById('submit-form');
  if (!form) return;
  const fileInput = document.getElementById('file');
  const taskType = document.getElementById('taskType');
  const zone = document.getElementById('drop-zone');
  const status = document.getElementById('file-status');
  const url = form.dataset.validateUrl;
  const button = document.getElementById('submit-button');
  const note = document.getElementById('submit-note');
  // true when the page itself says submitting cannot work now (no open round, none left today)
  const blocked = button.dataset.blocked === 'true';
  let inFlight = null;

  // a file the live check rejected would be rejected again (and count toward the day's cap): say so instead
  const allowSubmit = (allowed, why) => {
    if (blocked) return;
    button.disabled = !allowed;
    note.textContent = allowed ? '' : why;
  };

  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') node.className = v; else node.setAttribute(k, v);
    }
    for (const child of children) node.append(child);
    return node;
  };

  const location = (f) => {
    const parts = [];
    if (f.part) parts.push(f.part);
    if (f.row != null) parts.push('row ' + f.row + (f.line != null ? ' (line ' + f.line + ')' : ''));
    else if (f.line != null) parts.push('line ' + f.line);
    if (f.position != null) parts.push('character ' + f.position);
    if (f.column) parts.push('column ' + f.column);
    return parts.join(', ');
  };

  const findingsTable = (findings, kind, caption) => {
    const body = el('tbody');
    for (const f of findings) {
      const problem = el('td', {}, el('span', {}, f.message));
      if (f.count > 1) {
        problem.append(' ', el('span', { class: 'more' },
          '(' + f.count + ' rows: ' + f.rows.join(', ') + (f.count > f.rows.length ? ', …' : '') + ')'));
      }
      problem.append(' ', el('code', { class: 'code' }, f.code));
      body.append(el('tr', {}, el('td', { class: 'where' }, location(f)), problem, el('td', {}, f.hint)));
    }
    return el('table', { class: 'findings ' + kind }, el('caption', {}, caption),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Where'), el('th', { scope: 'col' }, 'Problem'),
        el('th', { scope: 'col' }, 'How to fix'))), body);
  };

  const example = (e) => {
    const tail = '…' + (e.prompt.length > 40 ? e.prompt.slice(-40) : e.prompt);
    const card = el('article', { class: 'example' },
      el('h4', {}, e.part + ' · row ' + e.row + ' (line ' + e.line + ')'),
      el('pre', { class: 'prompt' }, e.prompt));
    if (e.classes) {
      const list = el('ol', { class: 'options', start: '0' });
      e.classes.forEach((c, i) => {
        const item = el('li', i === e.answerIndex ? { class: 'answer' } : {}, el('span', { class: 'tail' }, tail),
          el('mark', {}, c));
        if (i === e.answerIndex) item.append(' ', el('span', { class: 'badge' }, 'answer'));
        list.append(item);
      });
      card.append(list);
    }
    if (e.completion != null) {
      card.append(el('p', { class: 'options' }, el('span', { class: 'tail' }, tail), el('mark', {}, e.completion)));
    }
    if (e.otherPrompt != null) {
      card.append(el('p', { class: 'help' }, 'other_prompt:'), el('pre', { class: 'prompt' }, e.otherPrompt));
    }
    return card;
  };

  const render = (report) => {
    const section = document.getElementById('report');
    section.hidden = false;
    section.replaceChildren(el('h2', {}, 'Validation report'));
    section.append(el('p', { class: 'summary ' + (report.valid ? 'ok' : 'bad') },
      el('strong', {}, report.valid ? 'Valid' : 'Not accepted'),
      ': ' + report.rows + ' rows' + (report.rowsWithErrors > 0 ? ' (' + report.rowsWithErrors + ' with errors)' : '')
      + ' in ' + report.parts.length + ' part(s), ' + report.errorCount + ' error(s), '
      + report.warnings.length + ' kind(s) of warning.'));
    if (report.errors.length) {
      section.append(findingsTable(report.errors, 'errors', 'Errors: fix these and upload again (nothing was stored)'));
      if (report.errorCount > report.errors.length) {
        section.append(el('p', { class: 'error' }, '… and ' + (report.errorCount - report.errors.length) + ' more errors.'));
      }
    }
    if (report.warnings.length) {
      section.append(findingsTable(report.warnings, 'warnings', 'Warnings: accepted, but worth a look'));
    }
    if (report.preview.length) {
      const preview = el('div', { class: 'preview' }, el('h3', {}, 'The first rows, as the model sees them'),
        el('p', { class: 'help' }, 'Each option is appended to the prompt with no separator; the marked text is what is scored.'));
      report.preview.forEach((e) => preview.append(example(e)));
      section.append(preview);
    }
  };

  const validate = async () => {
    const file = fileInput.files[0];
    if (!file) return;
    if (!taskType.value) {
      status.textContent = file.name + ' chosen: pick the task type to check it.';
      return;
    }
    status.textContent = 'Checking ' + file.name + '…';
    const body = new FormData();
    body.append('file', file);
    body.append('taskType', taskType.value);
    const request = inFlight = fetch(url, { method: 'POST', body, credentials: 'same-origin' });
    try {
      const response = await request;
      if (request !== inFlight) return;
      const json = await response.json();
      if (json.parts === undefined) {
        status.textContent = json.error || 'The file could not be checked.';
        return;
      }
      status.textContent = file.name + ': ' + (json.valid ? 'valid' : 'not valid yet, see the report below') + '.';
      render(json);
      allowSubmit(json.valid, 'Submit is off: fix the errors in the report, then choose the file again.');
    } catch (err) {
      if (request === inFlight) status.textContent = 'The file could not be checked: ' + err.message;
    }
  };

  fileInput.addEventListener('change', validate);
  taskType.addEventListener('change', validate);
  ['dragenter', 'dragover'].forEach((type) => zone.addEventListener(type, (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  }));
  ['dragleave', 'drop'].forEach((type) => zone.addEventListener(type, () => zone.classList.remove('dragging')));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer.files.length) {
      fileInput.files = event.dataTransfer.files;
      validate();
    }
  });
})();
