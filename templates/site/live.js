// Served only by `kv-or-stream serve`, never written by `site`: reloads the page when the
// decisions, the templates or kv-or-stream.yaml change. The server names the version of
// the site a page was made from (a Server-Timing entry of the page) and sends the current
// version as server-sent events, on connecting and after each change; when they differ,
// the page is out of date. A hidden tab lets go of its stream (a browser keeps only a few
// connections per server) and checks again when it is shown. Nothing is fetched from
// anywhere else.
(function () {
  "use strict";
  if (!window.EventSource) { return; }
  var shown = null;
  var events = null;
  try {
    var page = performance.getEntriesByType("navigation")[0];
    ((page && page.serverTiming) || []).forEach(function (entry) {
      if (entry.name === "site") { shown = entry.description; }
    });
  } catch (e) {
    shown = null;
  }

  function listen() {
    if (events) { return; }
    events = new EventSource("live-reload");
    events.onmessage = function (message) {
      if (shown === null) {
        shown = message.data;
      } else if (message.data !== shown) {
        stop();
        window.location.reload();
      }
    };
  }

  function stop() {
    if (events) {
      events.close();
      events = null;
    }
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) { stop(); } else { listen(); }
  });
  window.addEventListener("pagehide", stop);
  window.addEventListener("pageshow", function () {
    if (!document.hidden) { listen(); }
  });
  if (!document.hidden) { listen(); }
})();
