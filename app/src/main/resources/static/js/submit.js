// The submit page: drag-and-drop onto the file field, and a validation report as soon as a file (or the task type)
// is chosen. The report is the server's own fragment (templates/fragments/report.html, from
// POST /api/validate?format=html), the same one a rejected submit shows: it has one renderer, and the server escapes
// every uploaded text in it.
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
    const request = inFlight = fetch(url + '?format=html', {
      method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'text/html' },
    });
    try {
      const response = await request;
      if (request !== inFlight) return;
      if (!(response.headers.get('Content-Type') || '').startsWith('text/html')) {
        const json = await response.json().catch(() => ({}));
        status.textContent = json.error || json.message || 'The file could not be checked.';
        return;
      }
      const template = document.createElement('template');
      template.innerHTML = await response.text();
      const report = template.content.querySelector('#report');
      if (request !== inFlight || !report) return;
      document.getElementById('report').replaceWith(report);
      const valid = response.ok;
      status.textContent = file.name + ': ' + (valid ? 'valid' : 'not valid yet, see the report below') + '.';
      allowSubmit(valid, 'Submit is off: fix the errors in the report, then choose the file again.');
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
