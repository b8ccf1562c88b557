/* coursepack runtime: shared helpers. Every runtime file adds to window.Coursepack; files
   are classic scripts (not modules) so packages also work when opened from disk. */
(function (CP) {
  "use strict";

  /** Reads the JSON of a <script type="application/json"> element. */
  CP.readJson = function (id) {
    var el = document.getElementById(id);
    try {
      return el ? JSON.parse(el.textContent) : null;
    } catch (e) {
      return null;
    }
  };

  /** The page's data and UI strings, and the switch from the no-JavaScript layout; null
      when the page carries no data (then nothing runs and every page stays readable). */
  CP.boot = function () {
    var data = CP.readJson("cp-data");
    if (!data) return null;
    document.body.classList.remove("cp-nojs");
    document.body.classList.add("cp-js");
    return { data: data, ui: CP.readJson("cp-ui") || {} };
  };

  /** Fills {name} placeholders of a UI string. */
  CP.format = function (text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  };

  /** A small deterministic random generator (mulberry32): the same seed gives the same
      question draw and option order, so a resumed attempt looks exactly as it did. */
  CP.random = function (seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };

  /** A new seed that fits in 31 bits (7 base-36 digits at most). */
  CP.newSeed = function () {
    return 1 + Math.floor(Math.random() * 0x7ffffffe);
  };

  /** Fisher-Yates shuffle of a copy of `list` with generator `rnd`. */
  CP.shuffle = function (list, rnd) {
    var out = list.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(rnd() * (i + 1));
      var t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  };

  /** Calls fn and swallows any exception: the runtime must never throw into an LMS page. */
  CP.safely = function (fn) {
    try {
      return fn();
    } catch (e) {
      if (window.console && console.warn) console.warn("coursepack:", e && e.message);
      return undefined;
    }
  };

  /** Announces a message to screen readers through the page's polite live region. */
  CP.announce = function (text) {
    var live = document.getElementById("cp-live");
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  };

  /** localStorage that fails softly (private mode, quota, disabled storage). */
  CP.local = {
    get: function (key) {
      return CP.safely(function () {
        var raw = window.localStorage.getItem(key);
        return raw ? JSON.parse(raw) : null;
      }) || null;
    },
    set: function (key, value) {
      return CP.safely(function () {
        window.localStorage.setItem(key, JSON.stringify(value));
        return true;
      }) || false;
    },
    remove: function (key) {
      CP.safely(function () { window.localStorage.removeItem(key); });
    }
  };
})(window.Coursepack = window.Coursepack || {});
