// Rewrites every <time datetime="…"> (printed in UTC by the server) into the reader's own time zone.
document.addEventListener('DOMContentLoaded', () => {
  const format = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
  });
  for (const el of document.querySelectorAll('time[datetime]')) {
    const when = new Date(el.getAttribute('datetime'));
    if (!isNaN(when)) {
      el.title = el.textContent;
      el.textContent = format.format(when);
    }
  }
});
