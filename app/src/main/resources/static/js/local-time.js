// Rewrites every <time datetime="…"> (printed in UTC by the server) into the reader's own time zone.
document.addEventListener('DOMContentLoaded', () => {
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZoneName: 'short' });
  for (const el of document.querySelectorAll('time[datetime]')) {
    const when = new Date(el.getAttribute('datetime'));
    if (!isNaN(when)) {
      el.title = el.textContent;
      el.textContent = format.format(when);
    }
  }
});
