// The submission page while scoring runs: polls its progress every two seconds and updates each model's bar,
// rate and time left; when the submission stops being active the page reloads once to show the results.
(() => {
  const table = document.getElementById('jobs');
  if (!table || table.dataset.active !== 'true') return;
  const url = table.dataset.progressUrl;
  const text = (row, cls, value) => { const el = row.querySelector(cls); if (el) el.textContent = value; };

  const poll = async () => {
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const progress = await response.json();
      for (const job of progress.jobs) {
        const row = table.querySelector('tr[data-job="' + job.jobId + '"]');
        if (!row) continue;
        const bar = row.querySelector('progress');
        bar.max = job.examplesTotal;
        bar.value = job.examplesDone;
        text(row, '.job-count', job.examplesDone + ' / ' + job.examplesTotal);
        text(row, '.job-status', job.status.toLowerCase() + (job.attempt > 1 ? ' (attempt ' + job.attempt + ')' : ''));
        text(row, '.job-rate', job.examplesPerSecond == null ? '' : job.examplesPerSecond.toFixed(1));
        text(row, '.job-eta', job.etaText);
        text(row, '.job-load', job.modelLoadSeconds == null ? '' : job.modelLoadSeconds.toFixed(2) + ' s');
      }
      const eta = document.getElementById('eta-text');
      if (eta) eta.textContent = progress.eta;
      if (!progress.active) {
        // reload without ?submitted, whose banner says the dataset is queued
        window.location.replace(window.location.pathname);
        return;
      }
    } catch (err) {
      // the next poll tries again
    }
    setTimeout(poll, 2000);
  };
  setTimeout(poll, 2000);
})();
