/* coursepack runtime: the tracking adapter both xAPI launch protocols share (cmi5 and
   TinCan differ only in how they launch: see tracking-cmi5.js and tracking-tincan.js).
   Resume state and what was already reported live in a State API document, so a learner
   resumes on any device and a reload never repeats completed/passed. */
(function (CP) {
  "use strict";
  var X = CP.xapi;

  /** `launch()` resolves { lrs, actor, registration, objectId, questionBase, mode,
      masteryScore (0-100 or null), returnUrl, context(kind), sessionKey, lang }. */
  CP.xapiAdapter = function (data, name, launch) {
    var L, queue, doc = { state: null, location: null, sent: {} }, session = {}, saveTimer = null;
    var status = document.getElementById("cp-tracking");
    var ui = CP.readJson("cp-ui") || {};

    function onStatus(s) {
      if (status) status.textContent = ui["tracking." + s] || "";
    }
    function stateParams() {
      return { activityId: L.objectId, agent: L.actor, registration: L.registration || undefined, stateId: "coursepack" };
    }
    function keepSession() {
      CP.safely(function () { sessionStorage.setItem(L.sessionKey, JSON.stringify(session)); });
    }
    function putDoc(keepalive) {
      window.clearTimeout(saveTimer);
      saveTimer = null;
      return L.lrs.putDocument("activities/state", stateParams(), doc, keepalive).catch(function () { onStatus("offline"); });
    }
    function send(verb, object, extra) {
      var s = X.statement(L.actor, verb, object, extra);
      return queue.add(s);
    }
    function moduleObject() {
      return { objectType: "Activity", id: L.objectId };
    }
    function since() {
      return X.duration(Date.now() - (session.startedAt || Date.now()));
    }
    var normal = function () { return L.mode === "normal"; };

    var adapter = {
      name: name,
      start: function () {
        return launch().then(function (launched) {
          L = launched;
          session = CP.safely(function () { return JSON.parse(sessionStorage.getItem(L.sessionKey) || "{}"); }) || {};
          queue = new X.Queue(L.lrs, "coursepack-xapi-queue:" + (L.registration || "") + ":" + L.objectId, onStatus);
          queue.flush(); // what a previous, interrupted session left behind goes first
          return L.lrs.getDocument("activities/state", stateParams()).catch(function () { return null; });
        }).then(function (saved) {
          if (saved) doc = { state: saved.state || null, location: saved.location || null, sent: saved.sent || {} };
          var remembered = CP.local.get("coursepack-xapi-sent:" + (L.registration || "") + ":" + L.objectId);
          if (remembered) Object.keys(remembered).forEach(function (k) { doc.sent[k] = doc.sent[k] || remembered[k]; });
          if (!session.initialized) {
            session.initialized = true;
            session.startedAt = Date.now();
            keepSession();
            send("initialized", moduleObject(), { context: L.context("defined") });
          }
          return { state: doc.state, location: doc.location, masteryScore: L.masteryScore, mode: L.mode, note: null };
        });
      },
      save: function (state, location) {
        doc.state = state;
        doc.location = location;
        if (!saveTimer) saveTimer = window.setTimeout(function () { putDoc(false); }, 1500);
      },
      commit: function () { putDoc(false); },
      answer: function (r) {
        send("answered", X.interactionObject(L.questionBase + r.id, r, L.lang), {
          result: { response: r.xapi.response, success: !!r.correct, duration: X.duration(r.latencyMs) },
          context: L.context("allowed")
        });
      },
      result: function (r) {
        if (!normal() || doc.sent.passed) return;
        var mastery = r.masteryScore / 100;
        var context = L.context("moveon");
        context.extensions = context.extensions || {};
        context.extensions["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"] = mastery;
        send(r.passed ? "passed" : "failed", moduleObject(), {
          result: { success: !!r.passed, score: { scaled: r.score / 100, raw: Math.round(r.score), min: 0, max: 100 }, duration: since() },
          context: context
        });
        doc.sent[r.passed ? "passed" : "failed"] = true;
        remember();
        putDoc(false);
      },
      page: function (index, total, seen) {
        // Progress through the module, once per newly seen page, while it is not complete.
        if (!normal() || doc.sent.completed || !L) return;
        var object = { objectType: "Activity", id: L.objectId + "/pages/" + index };
        send("progressed", object, {
          result: { extensions: { "https://w3id.org/xapi/cmi5/result/extensions/progress": Math.round((100 * seen) / total) } },
          context: L.context("allowed")
        });
      },
      complete: function () {
        if (!normal() || doc.sent.completed) return;
        send("completed", moduleObject(), { result: { completion: true, duration: since() }, context: L.context("moveon") });
        doc.sent.completed = true;
        remember();
        putDoc(false);
      },
      finish: function () {
        if (!L || session.terminated) return;
        session.terminated = true;
        keepSession();
        send("terminated", moduleObject(), { result: { duration: since() }, context: L.context("defined") });
        queue.flushOnHide();
        putDoc(true);
      },
      returnUrl: function () { return L && L.returnUrl; },
      flush: function () { return queue ? queue.flush() : Promise.resolve(); }
    };

    function remember() {
      CP.local.set("coursepack-xapi-sent:" + (L.registration || "") + ":" + L.objectId, doc.sent);
    }
    return adapter;
  };
})(window.Coursepack = window.Coursepack || {});
