/** The days of the week, once for every rule that names them. */
export const WEEKDAYS: readonly string[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/** A day of the week for a case-insensitive pattern ("friday", "Friday"; the plural is up to the caller). */
export const WEEKDAY = `(?:${WEEKDAYS.join('|')})`;

/** A day of the week in lower case or with a capital first letter, for a case-sensitive pattern. */
export const WEEKDAY_EITHER_CASE = `(?:${WEEKDAYS.map((day) => `[${day[0]!.toUpperCase()}${day[0]}]${day.slice(1)}`).join('|')})`;
