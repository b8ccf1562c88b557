/* coursepack runtime: the package menu. Shows each module's status from this browser's
   saved progress (web build), and passes an LMS's launch parameters on to the modules
   (TinCan), so each module reports to the same learning record store. */
(function (CP) {
  "use strict";
  var page = CP.boot();
  if (!page) return;
  var data = page.data, ui = page.ui;
  if (window.location.search) {
    Array.prototype.forEach.call(document.querySelectorAll(".cp-menu a"), function (a) {
      a.setAttribute("href", a.getAttribute("href").split("?")[0] + window.location.search);
    });
  }
  data.modules.forEach(function (m) {
    var el = document.querySelector('[data-status-for="' + m.id + '"]');
    var saved = CP.local.get(m.storageKey);
    if (!el || !saved || !saved.state) return;
    var s = saved.state;
    var key = s.passed ? "status.passed" : s.failed ? "status.failed" : s.completed ? "status.completed" : "status.in_progress";
    el.textContent = ui[key] || "";
  });
})(window.Coursepack = window.Coursepack || {});
