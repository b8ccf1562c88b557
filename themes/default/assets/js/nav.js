/* coursepack runtime: one page at a time, without reloading the document (an LMS adapter
   must never see the page unload between pages). Focus moves to the new page's heading. */
(function (CP) {
  "use strict";

  CP.nav = function (pages, ui, onShow) {
    var prev = document.getElementById("cp-prev");
    var next = document.getElementById("cp-next");
    var position = document.getElementById("cp-position");
    var current = 0;

    // A table wider than the screen scrolls sideways inside the page (see the stylesheet);
    // a keyboard can only scroll it from a tab stop, wanted there and nowhere else. Sizes
    // exist only once the page shows, and change with the window.
    function tableTabStops() {
      Array.prototype.forEach.call(pages[current].querySelectorAll("table"), function (t) {
        if (t.scrollWidth > t.clientWidth) t.tabIndex = 0;
        else t.removeAttribute("tabindex");
      });
    }

    function show(index, focus) {
      current = Math.max(0, Math.min(pages.length - 1, index));
      pages.forEach(function (p, i) { p.hidden = i !== current; });
      tableTabStops();
      prev.disabled = current === 0;
      next.disabled = current === pages.length - 1;
      position.textContent = CP.format(ui["nav.page"], { n: current + 1, total: pages.length });
      if (focus) {
        var heading = pages[current].querySelector("h2");
        if (heading) heading.focus();
        window.scrollTo(0, 0);
      }
      onShow(current);
    }

    // Links to a page of the same document (the overview of a single-SCO package) turn the
    // page instead of scrolling to a hidden section.
    document.addEventListener("click", function (e) {
      var link = e.target.closest ? e.target.closest('a[href^="#p-"]') : null;
      if (!link) return;
      var index = pages.map(function (p) { return "#" + p.id; }).indexOf(link.getAttribute("href"));
      if (index < 0) return;
      e.preventDefault();
      show(index, true);
    });
    window.addEventListener("resize", tableTabStops);
    prev.addEventListener("click", function () { show(current - 1, true); });
    next.addEventListener("click", function () { show(current + 1, true); });
    return { show: show, current: function () { return current; } };
  };
})(window.Coursepack = window.Coursepack || {});
