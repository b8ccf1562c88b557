// The SCORM 1.2 data model's types and limits, checked on every value a SCO writes.
// scorm-again is lenient (it accepts 64,000 characters of suspend data and any response
// format), so passing under it proves little: strict LMSs such as Moodle refuse what these
// rules refuse. Source: the SCORM 1.2 Run-Time Environment, section 3.4 (see the specs digest).

const TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const DECIMAL = /^-?\d{1,3}(\.\d+)?$/;
const IDENTIFIER = /^[\x21-\x7E]{1,255}$/;
const CHOICE = /^[0-9a-z]$/;

function decimalIn(min, max) {
  return (v) => DECIMAL.test(v) && Number(v) >= min && Number(v) <= max;
}

function feedback(type, value, { pattern }) {
  if (value.length > 255) return false;
  switch (type) {
    case 'true-false': return /^[tf01]$/.test(value);
    case 'choice': {
      const body = pattern && value.startsWith('{') ? value.slice(1, -1) : value;
      return body === '' ? !pattern : body.split(',').every((c) => CHOICE.test(c));
    }
    case 'fill-in': return true;
    case 'numeric': return DECIMAL.test(value) || /^-?\d+(\.\d+)?$/.test(value);
    case 'matching': {
      const body = pattern && value.startsWith('{') ? value.slice(1, -1) : value;
      return body.split(',').every((p) => /^[0-9a-z]\.[0-9a-z]$/.test(p));
    }
    case 'sequencing': return value.split(',').every((c) => CHOICE.test(c));
    default: return false;
  }
}

/** Checks one LMSSetValue; `types` remembers each interaction's type. Returns an error
    message, or null when the value is valid. */
export function checkSet(element, value, types) {
  const v = String(value);
  const fail = (why) => `${element} = ${JSON.stringify(v.slice(0, 80))}: ${why}`;
  let m;
  if (element === 'cmi.core.lesson_status') return ['passed', 'completed', 'failed', 'incomplete', 'browsed'].includes(v) ? null : fail('not a status a SCO may set');
  if (element === 'cmi.core.lesson_location') return v.length <= 255 ? null : fail('longer than 255');
  if (element === 'cmi.core.exit') return ['time-out', 'suspend', 'logout', ''].includes(v) ? null : fail('not an exit value');
  if (element === 'cmi.core.session_time') return TIMESPAN.test(v) ? null : fail('not a CMITimespan HHHH:MM:SS.SS');
  if (element === 'cmi.suspend_data') return v.length <= 4096 ? null : fail(`${v.length} characters, more than 4096`);
  if (/^cmi\.core\.score\.(raw|min|max)$/.test(element)) return v === '' || decimalIn(0, 100)(v) ? null : fail('not a number from 0 to 100');
  if ((m = element.match(/^cmi\.interactions\.(\d+)\.(.+)$/))) {
    const [, n, field] = m;
    switch (field) {
      case 'id': return IDENTIFIER.test(v) ? null : fail('not a CMIIdentifier');
      case 'type':
        types[n] = v;
        return ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'].includes(v) ? null : fail('not an interaction type');
      case 'time': return TIME.test(v) ? null : fail('not a CMITime');
      case 'latency': return TIMESPAN.test(v) ? null : fail('not a CMITimespan');
      case 'weighting': return decimalIn(-100, 100)(v) ? null : fail('not a decimal from -100 to 100');
      case 'result': return ['correct', 'wrong', 'unanticipated', 'neutral'].includes(v) || DECIMAL.test(v) ? null : fail('not a result');
      case 'student_response': return feedback(types[n], v, { pattern: false }) ? null : fail(`not a ${types[n]} response`);
      case 'correct_responses.0.pattern': return feedback(types[n], v, { pattern: true }) ? null : fail(`not a ${types[n]} pattern`);
      default: return fail('an interaction field coursepack should not write');
    }
  }
  return fail('an element coursepack should not write');
}
