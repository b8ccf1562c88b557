/* coursepack runtime: the final test. An attempt is fixed by its seed (which questions are
   drawn, in which order, options in which order), so a reload or a resume shows the same
   attempt with the answers given so far. Submitting grades every question, reports each
   answer and the result, and shows feedback; a retry starts a new attempt while attempts
   remain and the test is not passed. */
(function (CP) {
  "use strict";

  function byId(id) { return document.getElementById(id); }

  CP.finalTest = function (ctx) {
    var data = ctx.data, ui = ctx.ui, state = ctx.state;
    var section = byId("p-test");
    if (!section || !data.test) return null;
    var form = byId("cp-test-form"), startBtn = byId("cp-test-start"), retryBtn = byId("cp-test-retry");
    var result = byId("cp-test-result"), attemptsText = byId("cp-test-attempts");
    var test = CP.quiz.testData(data);
    var fieldsets = {};
    var changedAt = {};
    var attemptStart = Date.now();
    var confirmUnanswered = false;

    Array.prototype.forEach.call(form.querySelectorAll(".cp-question"), function (fs) {
      var id = fs.getAttribute("data-question");
      fieldsets[id] = fs;
      CP.quizUi.bind(fs, data.questions[id], ui, function (response) {
        if (state.submitted || !state.seed) return;
        state.answers[id] = response;
        changedAt[id] = Date.now();
        confirmUnanswered = false;
        ctx.save(false);
      });
    });

    function attemptsLeft() {
      return data.test.maxAttempts ? Math.max(0, data.test.maxAttempts - state.attempts) : Infinity;
    }

    function render() {
      var attempt = state.seed ? CP.quiz.attempt(test, state.seed) : { questions: [], options: {} };
      Object.keys(fieldsets).forEach(function (id) { fieldsets[id].hidden = attempt.questions.indexOf(id) < 0; });
      CP.quizUi.order(form, ".cp-question", "data-question", attempt.questions);
      form.appendChild(byId("cp-test-submit").parentNode);
      attempt.questions.forEach(function (id) {
        var fs = fieldsets[id], q = data.questions[id];
        if (attempt.options[id]) CP.quizUi.order(fs.querySelector(".cp-options"), ".cp-option", "data-option", attempt.options[id]);
        CP.quizUi.write(fs, q, state.answers[id]);
        CP.quizUi.setEnabled(fs, !state.submitted);
        if (state.submitted) CP.quizUi.feedback(fs, q, state.answers[id], ui);
        else CP.quizUi.clearFeedback(fs);
      });
      form.hidden = !state.seed;
      byId("cp-test-submit").hidden = !!state.submitted;
      var left = attemptsLeft();
      attemptsText.textContent = left === Infinity ? ui["test.attempts_unlimited"] : CP.format(ui["test.attempts_left"], { n: left });
      startBtn.hidden = !!state.seed || state.passed || left === 0;
      retryBtn.hidden = !(state.submitted && !state.passed && left > 0);
      if (!state.seed && left === 0 && !state.passed) result.textContent = ui["test.no_attempts"];
    }

    function showResult(score, passed) {
      result.textContent = "";
      [CP.format(ui["test.score"], { score: score }), ui[passed ? "test.passed" : "test.failed"]].forEach(function (t) {
        var p = document.createElement("p");
        p.textContent = t;
        result.appendChild(p);
      });
      if (!passed && attemptsLeft() === 0) {
        var p = document.createElement("p");
        p.textContent = ui["test.no_attempts"];
        result.appendChild(p);
      }
    }

    function start() {
      if (attemptsLeft() === 0 || state.passed) return;
      state.seed = CP.newSeed();
      state.attempts += 1;
      state.answers = {};
      state.submitted = false;
      attemptStart = Date.now();
      changedAt = {};
      result.textContent = "";
      ctx.save(true);
      render();
      var first = form.querySelector(".cp-question:not([hidden]) input, .cp-question:not([hidden]) select, .cp-question:not([hidden]) button");
      if (first) first.focus();
    }

    function submit(event) {
      event.preventDefault();
      if (!state.seed || state.submitted) return;
      var ids = CP.quiz.attempt(test, state.seed).questions;
      ids.forEach(function (id) { state.answers[id] = CP.quizUi.read(fieldsets[id], data.questions[id]); });
      var open = ids.filter(function (id) { return !CP.quiz.isAnswered(data.questions[id], state.answers[id]); }).length;
      if (open && !confirmUnanswered) {
        confirmUnanswered = true;
        result.textContent = CP.format(ui["test.unanswered"], { n: open });
        return;
      }
      var score = CP.quiz.score(data.questions, ids, state.answers);
      var mastery = ctx.masteryScore();
      var passed = score >= mastery;
      var now = Date.now();
      ids.forEach(function (id) {
        var q = data.questions[id], r = state.answers[id];
        ctx.adapter.answer({
          id: id, activity: q.activity, question: q, response: r,
          scorm: { type: q.scorm.type, pattern: q.scorm.pattern, response: CP.quiz.scormResponse(q, r) },
          xapi: { type: q.xapi.type, patterns: q.xapi.patterns, response: CP.quiz.xapiResponse(q, r) },
          correct: CP.quiz.isCorrect(q, r), weight: q.weight || 1,
          latencyMs: (changedAt[id] || now) - attemptStart, shownAt: new Date(attemptStart)
        });
      });
      state.submitted = true;
      state.best = state.best == null ? score : Math.max(state.best, score);
      if (passed) { state.passed = true; state.failed = false; } else if (!state.passed) { state.failed = true; }
      if (ctx.mode === "normal") ctx.adapter.result({ score: score, passed: passed, masteryScore: mastery });
      ctx.save(true);
      render();
      showResult(score, passed);
      result.setAttribute("tabindex", "-1");
      result.focus();
    }

    startBtn.addEventListener("click", start);
    retryBtn.addEventListener("click", start);
    form.addEventListener("submit", submit);
    render();
    if (state.seed && state.submitted) {
      showResult(CP.quiz.score(data.questions, CP.quiz.attempt(test, state.seed).questions, state.answers), state.passed);
    }
    return { render: render };
  };
})(window.Coursepack = window.Coursepack || {});
