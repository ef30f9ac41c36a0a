// Served only by `kv-or-stream serve`, never written by `site`: reloads the page when the
// decisions, the templates or kv-or-stream.yaml change. The server names the version of
// the site a page was made from (a Server-Timing entry of the page) and sends the current
// version as server-sent events, on connecting and after each change; when they differ,
// the page is out of date. Nothing is fetched from anywhere else.
(function () {
  "use strict";
  if (!window.EventSource) { return; }
  var shown = null;
  try {
    var page = performance.getEntriesByType("navigation")[0];
    ((page && page.serverTiming) || []).forEach(function (entry) {
      if (entry.name === "site") { shown = entry.description; }
    });
  } catch (e) {
    shown = null;
  }
  var events = new EventSource("live-reload");
  events.onmessage = function (message) {
    if (shown === null) {
      shown = message.data;
    } else if (message.data !== shown) {
      events.close();
      window.location.reload();
    }
  };
})();
