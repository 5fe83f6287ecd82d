// Applies the theme the reader chose (localStorage) before the first paint, so a dark page never
// flashes light. A classic script on purpose: module scripts run only after the document is parsed.
// Without a stored choice nothing happens and the CSS follows prefers-color-scheme.
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
  var light = document.getElementById('hljs-light');
  var dark = document.getElementById('hljs-dark');
  if (light && dark) {
    light.media = theme === 'light' ? 'all' : 'not all';
    dark.media = theme === 'dark' ? 'all' : 'not all';
  }
})();
