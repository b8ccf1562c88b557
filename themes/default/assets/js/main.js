/* coursepack runtime: boots a module document. Reads the page data, starts the tracking
   adapter, restores the learner's place and answers, and connects navigation, knowledge
   checks and the final test to the state that is saved after every change. */
(function (CP) {
  "use strict";

  var page = CP.boot();
  if (!page) return;
  var data = page.data, ui = page.ui;
  var pages = Array.prototype.slice.call(document.querySelectorAll(".cp-page"));
  var adapter = CP.tracking.create(document.body.getAttribute("data-tracking"), data);
  var ended = false;

  // The version of the state's shape (docs/runtime.md). Adapters store the state as it is,
  // so a state saved by another version of the runtime must be recognised, not misread.
  var STATE_VERSION = 1;

  function fresh() {
    return { v: STATE_VERSION, seen: [], page: 0, completed: false, passed: false, failed: false, submitted: false, attempts: 0, best: null, seed: null, answers: {}, checks: {} };
  }

  // Fields that may hold a number where a fresh state holds null.
  var NUMBER_OR_NULL = { best: true, seed: true };

  function kind(value) { return value === null ? "null" : Array.isArray(value) ? "array" : typeof value; }

  /** A saved state made safe to use. One of another version starts afresh; a damaged field
      (edited storage, a partial write) falls back to its fresh value instead of breaking the
      page. States saved before the version field existed have version 1's shape. */
  function restore(saved) {
    var state = fresh();
    if (kind(saved) !== "object" || (saved.v !== undefined && saved.v !== STATE_VERSION)) return state;
    Object.keys(state).forEach(function (key) {
      var want = NUMBER_OR_NULL[key] ? "number" : kind(state[key]);
      if (kind(saved[key]) === want) state[key] = saved[key];
    });
    state.seen = state.seen.map(Boolean);
    if (!isFinite(state.page)) state.page = 0;
    return state;
  }

  function note(key) {
    var el = document.getElementById("cp-tracking");
    if (el) el.textContent = key && ui[key] ? ui[key] : "";
  }

  function boot(launch) {
    var state = restore(launch.state);
    while (state.seen.length < pages.length) state.seen.push(false);
    state.seen.length = pages.length;
    note(launch.note);
    var mode = launch.mode || "normal";
    var progress = document.getElementById("cp-progress");
    var progressText = document.getElementById("cp-progress-text");
    progress.max = pages.length;
    progress.parentNode.hidden = false;

    function location() { return pages[nav ? nav.current() : 0].id; }
    function save(commit) {
      CP.safely(function () {
        adapter.save(state, location());
        if (commit) adapter.commit();
      });
    }

    var ctx = {
      data: data, ui: ui, state: state, adapter: adapter, mode: mode, save: save,
      masteryScore: function () {
        return launch.masteryScore != null ? launch.masteryScore : data.test ? data.test.passMark : 0;
      }
    };

    Array.prototype.forEach.call(document.querySelectorAll('.cp-page .cp-question[data-role="check"]'), function (fs) {
      var id = fs.getAttribute("data-question");
      var q = data.questions[id];
      CP.quizUi.bind(fs, q, ui, function (r) { state.checks[id] = r; save(false); });
      if (state.checks[id] !== undefined) CP.quizUi.write(fs, q, state.checks[id]);
      fs.querySelector(".cp-check").addEventListener("click", function () {
        state.checks[id] = CP.quizUi.read(fs, q);
        CP.quizUi.feedback(fs, q, state.checks[id], ui);
        save(false);
      });
    });

    CP.finalTest(ctx);

    var nav = null;
    nav = CP.nav(pages, ui, function (index) {
      var first = !state.seen[index];
      state.seen[index] = true;
      state.page = index;
      var seen = state.seen.filter(Boolean).length;
      progress.value = seen;
      progressText.textContent = Math.round((100 * seen) / pages.length) + "%";
      if (first && adapter.page) CP.safely(function () { adapter.page(index, pages.length, seen); });
      if (seen === pages.length && !state.completed && mode === "normal") {
        state.completed = true;
        adapter.complete();
      }
      save(false);
    });
    var start = pages.map(function (p) { return p.id; }).indexOf(launch.location);
    nav.show(start >= 0 ? start : state.page || 0, false);

    function finish() {
      if (ended) return;
      ended = true;
      save(true);
      CP.safely(function () { adapter.finish(); });
    }
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
    var exit = document.getElementById("cp-exit");
    if (exit) {
      exit.addEventListener("click", function () {
        finish();
        note("tracking.ended");
        if (adapter.returnUrl) window.location.href = adapter.returnUrl();
      });
    }
  }

  adapter.start().then(boot, function () {
    adapter = CP.standalone(data, "tracking.not_recorded");
    adapter.start().then(boot);
  });
})(window.Coursepack = window.Coursepack || {});
