/* coursepack runtime: the quiz engine without the DOM: grading every question type, test
   attempts (draw and order from a seed), scores, and the learner's response in SCORM 1.2
   and xAPI formats. Responses have one neutral form per type:
     single: "optionId"            multiple: ["id", ...]      true-false: true | false
     fill-in: "text"               numeric: "text"           matching: {pairId: targetPairId}
     sequencing: ["itemId", ...] (the learner's order) */
(function (CP) {
  "use strict";

  var SCORM_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

  function norm(text, caseSensitive) {
    var t = String(text == null ? "" : text).replace(/\s+/g, " ").trim();
    return caseSensitive ? t : t.toLowerCase();
  }

  function parseNumber(text) {
    var t = String(text == null ? "" : text).trim().replace(",", ".");
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return NaN;
    return parseFloat(t);
  }

  var quiz = {};

  /** True when `response` is a complete answer for `q`. */
  quiz.isAnswered = function (q, r) {
    switch (q.type) {
      case "single": return typeof r === "string" && r !== "";
      case "multiple": return Array.isArray(r) && r.length > 0;
      case "true-false": return r === true || r === false;
      case "fill-in": return typeof r === "string" && r.trim() !== "";
      case "numeric": return !isNaN(parseNumber(r));
      case "matching": return !!r && q.pairs.every(function (p) { return !!r[p]; });
      case "sequencing": return Array.isArray(r) && r.length === q.order.length;
    }
    return false;
  };

  /** True when `response` is right. */
  quiz.isCorrect = function (q, r) {
    if (!quiz.isAnswered(q, r)) return false;
    switch (q.type) {
      case "single": return q.correct[0] === r;
      case "multiple": return r.length === q.correct.length && q.correct.every(function (id) { return r.indexOf(id) >= 0; });
      case "true-false": return r === q.answer;
      case "fill-in": return q.answers.some(function (a) { return norm(a, q.caseSensitive) === norm(r, q.caseSensitive); });
      case "numeric": return Math.abs(parseNumber(r) - q.answer) <= (q.tolerance || 0) + 1e-9;
      case "matching": return q.pairs.every(function (p) { return r[p] === p; });
      case "sequencing": return q.order.every(function (id, i) { return r[i] === id; });
    }
    return false;
  };

  /** The questions and option orders of an attempt, fixed by its seed. `test.all` holds the
      question data by id. */
  quiz.attempt = function (test, seed) {
    var rnd = CP.random(seed);
    var ids = test.shuffleQuestions ? CP.shuffle(test.questions, rnd) : test.questions.slice();
    if (test.draw && test.draw < ids.length) {
      var drawn = CP.shuffle(test.questions, rnd).slice(0, test.draw);
      ids = ids.filter(function (id) { return drawn.indexOf(id) >= 0; });
    }
    var options = {};
    ids.forEach(function (id) {
      var q = test.all[id];
      if (q && q.options && test.shuffleOptions && q.type !== "true-false") options[id] = CP.shuffle(q.options, rnd);
    });
    return { questions: ids, options: options };
  };

  /** Percentage score of `answers` over the asked questions, weighted, rounded to an integer. */
  quiz.score = function (questions, ids, answers) {
    var total = 0, got = 0;
    ids.forEach(function (id) {
      var q = questions[id];
      total += q.weight || 1;
      if (quiz.isCorrect(q, answers[id])) got += q.weight || 1;
    });
    return total ? Math.round((100 * got) / total) : 0;
  };

  function idx(list, id) { return list.indexOf(id); }
  function ch(i) { return SCORM_CHARS.charAt(i); }

  /** The learner's response in SCORM 1.2 CMIFeedback format (at most 255 characters). */
  quiz.scormResponse = function (q, r) {
    var out = "";
    switch (q.type) {
      case "single": out = r ? ch(idx(q.options, r)) : ""; break;
      case "multiple": out = (r || []).map(function (id) { return idx(q.options, id); }).sort(function (a, b) { return a - b; }).map(ch).join(","); break;
      case "true-false": out = r === true ? "t" : r === false ? "f" : ""; break;
      case "fill-in": out = String(r || ""); break;
      case "numeric": out = isNaN(parseNumber(r)) ? "" : String(parseNumber(r)); break;
      case "matching": out = q.pairs.filter(function (p) { return r && r[p]; }).map(function (p) { return ch(idx(q.pairs, p)) + "." + ch(idx(q.pairs, r[p])); }).join(","); break;
      case "sequencing": out = (r || []).map(function (id) { return ch(idx(q.order, id)); }).join(","); break;
    }
    return out.slice(0, 255);
  };

  /** The learner's response in xAPI format (result.response). */
  quiz.xapiResponse = function (q, r) {
    switch (q.type) {
      case "single": return r || "";
      case "multiple": return (r || []).slice().sort(function (a, b) { return idx(q.options, a) - idx(q.options, b); }).join("[,]");
      case "true-false": return r === true ? "true" : r === false ? "false" : "";
      case "fill-in": return String(r || "");
      case "numeric": return isNaN(parseNumber(r)) ? "" : String(parseNumber(r));
      case "matching": return q.pairs.filter(function (p) { return r && r[p]; }).map(function (p) { return p + "[.]" + r[p]; }).join("[,]");
      case "sequencing": return (r || []).join("[,]");
    }
    return "";
  };

  /** The test settings with every question's data at `all`, as `attempt` needs them. */
  quiz.testData = function (data) {
    var t = Object.create(data.test);
    t.all = data.questions;
    return t;
  };

  quiz.parseNumber = parseNumber;
  quiz.SCORM_CHARS = SCORM_CHARS;
  CP.quiz = quiz;
})(window.Coursepack = window.Coursepack || {});
