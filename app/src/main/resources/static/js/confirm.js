// Forms whose action cannot be undone carry data-confirm="the question"; the form is sent only if it is answered yes.
document.addEventListener('submit', (event) => {
  const question = event.target.dataset && event.target.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
