/* coursepack runtime: standalone tracking. Progress stays in this browser's localStorage,
   under the module's storage key; nothing is reported anywhere. Used by the web build, and
   by the LMS adapters as their fallback when no LMS answers. */
(function (CP) {
  "use strict";

  function standalone(data, note) {
    var key = data.storageKey;
    var saved = CP.local.get(key) || {};
    return {
      name: "standalone",
      start: function () {
        return Promise.resolve({
          state: saved.state || null,
          location: saved.location || null,
          masteryScore: null,
          mode: "normal",
          note: note || "tracking.local"
        });
      },
      save: function (state, location) {
        saved = { state: state, location: location, updated: new Date().toISOString() };
        CP.local.set(key, saved);
      },
      commit: function () {},
      answer: function () {},
      result: function () {},
      complete: function () {},
      finish: function () {}
    };
  }

  CP.standalone = standalone;
  CP.tracking.register("standalone", function (data) { return standalone(data); });
})(window.Coursepack = window.Coursepack || {});
