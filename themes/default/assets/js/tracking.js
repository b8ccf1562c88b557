/* coursepack runtime: the tracking interface. One adapter per standard (standalone,
   SCORM 1.2, cmi5, TinCan) registers a factory here; main.js talks only to this interface.

   An adapter is an object with:
     start()          → Promise of { state, location, masteryScore, mode, note }
                        state: saved state or null; location: saved page id or null;
                        masteryScore: pass mark (0-100) imposed by the LMS, or null;
                        mode: "normal" | "browse" | "review" (only normal changes credit);
                        note: UI string key shown to the learner, or null.
     save(state, location)  keep the bookmark and resume state (cheap; may be batched)
     commit()               make what was saved durable now (after answers, status changes)
     answer(record)         one graded final-test answer: { id, activity, question, response,
                            scorm: {type, pattern, response}, xapi: {type, patterns, response},
                            correct, weight, latencyMs, shownAt }
     result(r)              the test is over: { score (0-100), passed, masteryScore }
     page(index, total, seen)  optional: a page was seen for the first time
     complete()             every page has been seen
     finish()               the learner leaves: exactly once, also from pagehide */
(function (CP) {
  "use strict";
  var factories = {};
  CP.tracking = {
    register: function (name, factory) { factories[name] = factory; },
    create: function (name, data) {
      var factory = factories[name] || factories.standalone;
      return factory(data);
    }
  };
})(window.Coursepack = window.Coursepack || {});
