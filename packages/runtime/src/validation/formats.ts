/**
 * The string formats response validation checks: `date-time`, `date`, `time`, `uuid`,
 * `email`, `uri`, `ipv4`, `ipv6`. A format not listed here passes: a spec may name any
 * format, and an unknown one says nothing the validator could check.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** RFC 3339 `full-time`: the offset is required; a leap second (`:60`) is allowed. */
function isTime(value: string): boolean {
  const m = TIME.exec(value);
  if (!m) return false;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const offsetOk = m[4] === undefined || (Number(m[4]) <= 23 && Number(m[5]) <= 59);
  return hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}

/** RFC 3339 `date-time`: a date, `T` (or `t`, or a space as RFC 3339 allows), a time with its offset. */
function isDateTime(value: string): boolean {
  const at = value.search(/[Tt ]/);
  return at === 10 && isDate(value.slice(0, at)) && isTime(value.slice(at + 1));
}

function isIpv6(value: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(value) || !value.includes(":")) return false;
  try {
    return new URL(`http://[${value}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

const CHECKS: Readonly<Record<string, (value: string) => boolean>> = {
  "date-time": isDateTime,
  date: isDate,
  time: isTime,
  uuid: (value) => UUID.test(value),
  email: (value) => EMAIL.test(value),
  uri: (value) => URI.test(value),
  ipv4: (value) => IPV4.test(value),
  ipv6: isIpv6,
};

/** Whether `value` is of `format`; `true` for a format the validator does not know. */
export function matchesFormat(format: string, value: string): boolean {
  const check = Object.hasOwn(CHECKS, format) ? CHECKS[format] : undefined;
  return check === undefined || check(value);
}
