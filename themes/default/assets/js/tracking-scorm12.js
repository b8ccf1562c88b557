/* coursepack runtime: SCORM 1.2 tracking. Finds the LMS's API object, initializes once,
   restores the bookmark and suspend data, reports status, score and every final-test answer
   in SCORM 1.2 types and lengths, commits after each meaningful change, and finishes once.
   Without an API (opened outside an LMS) it falls back to standalone and tells the learner
   that results are not recorded. */
(function (CP) {
  "use strict";

  var MAX_DEPTH = 7; // the ADL SCORM 1.2 reference walks at most 7 parents

  function apiIn(win) {
    try {
      return win && win.API && typeof win.API.LMSInitialize === "function" ? win.API : null;
    } catch (e) {
      return null; // another origin's window: not here
    }
  }

  function walk(start) {
    var win = start;
    for (var depth = 0; win && depth <= MAX_DEPTH; depth++) {
      var api = apiIn(win);
      if (api) return api;
      var parent = null;
      try { parent = win.parent; } catch (e) { parent = null; }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }

  /** The LMS API: up the frame chain, then up the opener's chain. */
  function findApi() {
    var api = walk(window);
    if (!api) {
      var opener = null;
      try { opener = window.opener; } catch (e) { opener = null; }
      if (opener) api = walk(opener);
    }
    return api;
  }

  function pad(n, width) { var s = String(n); while (s.length < width) s = "0" + s; return s; }

  /** Milliseconds → CMITimespan HHHH:MM:SS.SS (hours 2 to 4 digits). */
  function timespan(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var h = Math.min(9999, Math.floor(cs / 360000));
    if (h === 9999) cs = Math.min(cs, 9999 * 360000 + 359999);
    var m = Math.floor((cs % 360000) / 6000);
    var s = Math.floor((cs % 6000) / 100);
    return pad(h, 2) + ":" + pad(m, 2) + ":" + pad(s, 2) + "." + pad(cs % 100, 2);
  }

  /** Date → CMITime HH:MM:SS (time of day). */
  function timeOfDay(date) {
    return pad(date.getHours(), 2) + ":" + pad(date.getMinutes(), 2) + ":" + pad(date.getSeconds(), 2);
  }

  function scorm12(data) {
    var api = findApi();
    if (!api) return CP.standalone(data, "tracking.not_recorded");
    var started = Date.now();
    var finished = false;
    var mode = "normal";
    var status = "";
    var interactions = 0;
    var lastError = "0";
    var pageCount = data.pages.length + (data.test ? 1 : 0);
    var fallback = null; // standalone, when the LMS refuses LMSInitialize

    function call(name, args) {
      return CP.safely(function () {
        var value = api[name].apply(api, args || []);
        var code = String(api.LMSGetLastError());
        lastError = code;
        return code === "0" || code === "" ? String(value) : null;
      });
    }
    function get(element) { var v = call("LMSGetValue", [element]); return v == null ? "" : v; }
    function set(element, value) { return call("LMSSetValue", [element, String(value)]) === "true"; }
    function commit() { call("LMSCommit", [""]); }

    return {
      name: "scorm12",
      start: function () {
        if (call("LMSInitialize", [""]) !== "true") {
          fallback = CP.standalone(data, "tracking.not_recorded");
          return fallback.start();
        }
        status = get("cmi.core.lesson_status");
        var lessonMode = get("cmi.core.lesson_mode");
        if (lessonMode === "browse" || lessonMode === "review") mode = lessonMode;
        if (mode === "normal" && (status === "not attempted" || status === "")) {
          set("cmi.core.lesson_status", "incomplete");
          status = "incomplete";
          commit();
        }
        var count = parseInt(get("cmi.interactions._count"), 10);
        interactions = isNaN(count) ? 0 : count;
        var mastery = parseFloat(get("cmi.student_data.mastery_score"));
        var state = CP.suspend.decode(get("cmi.suspend_data"), data, pageCount);
        return Promise.resolve({
          state: state,
          location: get("cmi.core.lesson_location") || null,
          masteryScore: isNaN(mastery) ? null : mastery,
          mode: mode,
          note: null
        });
      },
      save: function (state, location) {
        if (fallback) return fallback.save(state, location);
        if (finished) return;
        var encoded = CP.suspend.encode(state, data);
        if (encoded.length <= 4096) set("cmi.suspend_data", encoded);
        if (location) set("cmi.core.lesson_location", String(location).slice(0, 255));
      },
      commit: function () { if (!finished && !fallback) commit(); },
      answer: function (r) {
        if (fallback) return fallback.answer(r);
        if (finished || mode !== "normal") return;
        var n = "cmi.interactions." + interactions + ".";
        if (!set(n + "id", r.id)) return; // interactions are optional: an LMS may not have them
        interactions += 1;
        set(n + "type", r.scorm.type);
        set(n + "correct_responses.0.pattern", r.scorm.pattern);
        set(n + "student_response", r.scorm.response);
        set(n + "result", r.correct ? "correct" : "wrong");
        set(n + "weighting", r.weight);
        set(n + "latency", timespan(r.latencyMs));
        set(n + "time", timeOfDay(r.shownAt));
      },
      result: function (r) {
        if (fallback) return fallback.result(r);
        if (finished || mode !== "normal") return;
        set("cmi.core.score.min", "0");
        set("cmi.core.score.max", "100");
        set("cmi.core.score.raw", String(Math.round(r.score)));
        status = r.passed ? "passed" : "failed";
        set("cmi.core.lesson_status", status);
        commit();
      },
      complete: function () {
        if (fallback) return fallback.complete();
        if (finished || mode !== "normal" || data.test) return;
        status = "completed";
        set("cmi.core.lesson_status", "completed");
        commit();
      },
      finish: function () {
        if (fallback) return fallback.finish();
        if (finished) return;
        finished = true;
        set("cmi.core.session_time", timespan(Date.now() - started));
        var done = status === "passed" || status === "completed";
        set("cmi.core.exit", done ? "" : "suspend");
        commit();
        call("LMSFinish", [""]);
      },
      lastError: function () { return lastError; }
    };
  }

  CP.scorm12 = { findApi: findApi, timespan: timespan, timeOfDay: timeOfDay };
  CP.tracking.register("scorm12", scorm12);
})(window.Coursepack = window.Coursepack || {});
