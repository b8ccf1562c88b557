/* coursepack runtime: the TinCan launch. Reads endpoint, auth, actor, registration and
   activity_id from the launch query (the menu page passes it on to each module), and
   reports the module as an activity of the package's root activity. */
(function (CP) {
  "use strict";
  var X = CP.xapi;

  /** 0.95-style actors carry arrays (`"mbox": ["mailto:…"]`): take the first element. */
  function agent(json) {
    var a = JSON.parse(json);
    Object.keys(a).forEach(function (k) { if (Array.isArray(a[k]) && k !== "member") a[k] = a[k][0]; });
    if (a.account && Array.isArray(a.account)) a.account = a.account[0];
    if (!a.objectType) a.objectType = "Agent";
    return a;
  }

  CP.tracking.register("tincan", function (data) {
    var p = X.params();
    if (!p.endpoint || !p.auth || !p.actor) return CP.standalone(data, "tracking.not_recorded");
    var auth = /^\w+ /.test(p.auth) ? p.auth : "Basic " + p.auth;
    var root = p.activity_id || data.activities.package;
    return CP.xapiAdapter(data, "tincan", function () {
      var actor = agent(p.actor);
      return Promise.resolve({
        lrs: new X.Lrs(p.endpoint, auth), actor: actor, registration: p.registration || null,
        objectId: data.activities.module, questionBase: data.activities.module + "/questions/",
        mode: "normal", masteryScore: null, returnUrl: null,
        sessionKey: "coursepack-tincan:" + data.activities.module + ":" + (p.registration || ""),
        lang: document.documentElement.lang,
        context: function () {
          var c = { contextActivities: { parent: [{ id: root, objectType: "Activity" }], grouping: [{ id: root, objectType: "Activity" }] } };
          if (p.registration) c.registration = p.registration;
          if (p.activity_platform) c.platform = p.activity_platform;
          c.language = document.documentElement.lang;
          return c;
        }
      });
    });
  });
})(window.Coursepack = window.Coursepack || {});
