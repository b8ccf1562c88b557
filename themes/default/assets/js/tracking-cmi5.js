/* coursepack runtime: the cmi5 launch. Reads endpoint, fetch, actor, registration and
   activityId from the launch URL; obtains the auth token from the fetch URL exactly once per
   session (kept in sessionStorage for reloads, never in localStorage); reads LMS.LaunchData
   and the learner preferences; builds every statement's context from the LMS's template. */
(function (CP) {
  "use strict";
  var X = CP.xapi;
  var CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";

  function clone(o) { return JSON.parse(JSON.stringify(o || {})); }

  CP.tracking.register("cmi5", function (data) {
    var p = X.params();
    if (!p.endpoint || !p.fetch || !p.actor || !p.registration || !p.activityId) return CP.standalone(data, "tracking.not_recorded");
    var sessionKey = "coursepack-cmi5:" + p.fetch;

    function token() {
      var saved = CP.safely(function () { return JSON.parse(sessionStorage.getItem(sessionKey + ":token") || "null"); });
      if (saved) return Promise.resolve(saved);
      return fetch(p.fetch, { method: "POST", cache: "no-store" }).then(function (r) { return r.json(); }).then(function (body) {
        if (!body || !body["auth-token"]) throw new Error("cmi5 fetch error " + (body && body["error-code"]));
        CP.safely(function () { sessionStorage.setItem(sessionKey + ":token", JSON.stringify(body["auth-token"])); });
        return body["auth-token"];
      });
    }

    return CP.xapiAdapter(data, "cmi5", function () {
      var actor = JSON.parse(p.actor);
      var lrs;
      return token().then(function (t) {
        lrs = new X.Lrs(p.endpoint, "Basic " + t);
        var params = { activityId: p.activityId, agent: actor, registration: p.registration, stateId: "LMS.LaunchData" };
        return Promise.all([
          lrs.getDocument("activities/state", params),
          lrs.getDocument("agents/profile", { agent: actor, profileId: "cmi5LearnerPreferences" }).catch(function () { return null; })
        ]);
      }).then(function (docs) {
        var launchData = docs[0] || {};
        var template = launchData.contextTemplate || {};
        var mode = String(launchData.launchMode || "Normal").toLowerCase();
        var mastery = typeof launchData.masteryScore === "number" ? launchData.masteryScore * 100 : null;
        CP.cmi5Preferences = docs[1] || null; // languagePreference may pick the UI language later
        return {
          lrs: lrs, actor: actor, registration: p.registration, objectId: p.activityId,
          questionBase: p.activityId + "/test/final/question/",
          mode: mode === "browse" || mode === "review" ? mode : "normal",
          masteryScore: mastery,
          returnUrl: launchData.returnURL || launchData.returnUrl || null,
          sessionKey: sessionKey, lang: document.documentElement.lang,
          context: function (kind) {
            var c = clone(template);
            c.registration = p.registration;
            if (kind !== "allowed") {
              c.contextActivities = c.contextActivities || {};
              var categories = c.contextActivities.category || [];
              categories.push({ id: CMI5 });
              if (kind === "moveon") categories.push({ id: MOVEON });
              c.contextActivities.category = categories;
            }
            return c;
          }
        };
      });
    });
  });
})(window.Coursepack = window.Coursepack || {});
