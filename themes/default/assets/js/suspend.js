/* coursepack runtime: the compact, versioned resume state kept in SCORM 1.2
   cmi.suspend_data (at most 4,096 characters). The format is specified in
   docs/suspend-data.md, and `coursepack check` proves its largest output fits. */
(function (CP) {
  "use strict";

  var VERSION = "1";
  var B36 = CP.quiz.SCORM_CHARS.slice(26) + CP.quiz.SCORM_CHARS.slice(0, 26); // 0-9a-z

  function b36(n) { return Math.max(0, n | 0).toString(36); }
  function fromB36(s) { var n = parseInt(s, 36); return isNaN(n) ? 0 : n; }
  function digit(i) { return B36.charAt(i); }
  function undigit(c) { return B36.indexOf(c); }

  function encodeSeen(seen) {
    var out = "";
    for (var i = 0; i < seen.length; i += 4) {
      var v = 0;
      for (var b = 0; b < 4; b++) if (seen[i + b]) v |= 1 << b;
      out += v.toString(16);
    }
    return out;
  }

  function decodeSeen(text, count) {
    var seen = [];
    for (var i = 0; i < count; i++) {
      var v = parseInt(text.charAt(i >> 2) || "0", 16) || 0;
      seen.push(!!(v & (1 << (i & 3))));
    }
    return seen;
  }

  function encodeAnswer(q, r) {
    if (!CP.quiz.isAnswered(q, r) && q.type !== "matching") return "";
    switch (q.type) {
      case "single": return digit(q.options.indexOf(r));
      case "multiple": return r.map(function (id) { return q.options.indexOf(id); }).sort(function (a, b) { return a - b; }).map(digit).join("");
      case "true-false": return r ? "t" : "f";
      case "fill-in": return encodeURIComponent(String(r).slice(0, q.maxLength || 255));
      case "numeric": return String(r).trim().slice(0, 20).replace(/[^0-9.,+-]/g, "");
      case "matching": return r ? q.pairs.map(function (p) { return r[p] ? digit(q.pairs.indexOf(r[p])) : "_"; }).join("") : "";
      case "sequencing": return r.map(function (id) { return digit(q.order.indexOf(id)); }).join("");
    }
    return "";
  }

  function decodeAnswer(q, text) {
    if (text === "") return undefined;
    switch (q.type) {
      case "single": return q.options[undigit(text)];
      case "multiple": return text.split("").map(function (c) { return q.options[undigit(c)]; }).filter(Boolean);
      case "true-false": return text === "t";
      case "fill-in": return CP.safely(function () { return decodeURIComponent(text); }) || "";
      case "numeric": return text;
      case "matching":
        var r = {};
        q.pairs.forEach(function (p, i) { var c = text.charAt(i); if (c && c !== "_") r[p] = q.pairs[undigit(c)]; });
        return r;
      case "sequencing": return text.split("").map(function (c) { return q.order[undigit(c)]; }).filter(Boolean);
    }
    return undefined;
  }

  /** `state` (see main.js) → the suspend-data string. */
  function encode(state, data) {
    var flags = (state.completed ? 1 : 0) | (state.passed ? 2 : 0) | (state.failed ? 4 : 0) | (state.submitted ? 8 : 0);
    var fields = [VERSION, encodeSeen(state.seen), flags.toString(36)];
    if (data.test) {
      var answers = "";
      if (state.seed) {
        var attempt = CP.quiz.attempt(testData(data), state.seed);
        answers = attempt.questions.map(function (id) { return encodeAnswer(data.questions[id], state.answers[id]); }).join("~");
      }
      fields.push(b36(state.attempts), state.best == null ? "" : String(state.best), state.seed ? b36(state.seed) : "", answers);
    } else {
      fields.push("", "", "", "");
    }
    return fields.join("|");
  }

  /** The suspend-data string → a state, or null when it is empty, of another version, or
      does not match this module (then the learner starts afresh rather than crash). */
  function decode(text, data, pageCount) {
    if (!text) return null;
    var f = String(text).split("|");
    if (f[0] !== VERSION || f.length !== 7) return null;
    var flags = parseInt(f[2], 36) || 0;
    var state = {
      seen: decodeSeen(f[1], pageCount),
      completed: !!(flags & 1), passed: !!(flags & 2), failed: !!(flags & 4), submitted: !!(flags & 8),
      attempts: fromB36(f[3]), best: f[4] === "" ? null : parseInt(f[4], 10), seed: f[5] ? fromB36(f[5]) : null,
      answers: {}, checks: {}
    };
    if (data.test && state.seed) {
      var ids = CP.quiz.attempt(testData(data), state.seed).questions;
      var entries = f[6] === "" ? [] : f[6].split("~");
      ids.forEach(function (id, i) {
        var value = decodeAnswer(data.questions[id], entries[i] || "");
        if (value !== undefined) state.answers[id] = value;
      });
    }
    return state;
  }

  var testData = CP.quiz.testData;

  CP.suspend = { encode: encode, decode: decode };
})(window.Coursepack = window.Coursepack || {});
