// Applies the theme the reader chose (localStorage) before the first paint, so a dark page never
// flashes light. A classic script on purpose: module scripts run only after the document is parsed.
// Without a stored choice nothing happens and the CSS follows prefers-color-scheme. The code theme
// follows in js/app.js: code is only on the page once the modules have run.
(function () {
  var theme = null;
  try {
    theme = window.localStorage.getItem('dailydl-theme');
  } catch (e) {
    theme = null; // storage may be disabled; the system preference then decides
  }
  if (theme !== 'light' && theme !== 'dark') {
    return;
  }
  document.documentElement.setAttribute('data-theme', theme);
})();
