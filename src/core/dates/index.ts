/**
 * Dates and times: recognition of temporal expressions with TIMEX3 values, and detection of an
 * article's own date, the anchor for relative expressions ("two years ago", "Thursday").
 */
import type { Recognizer } from '../model';
import { recognizeDates } from './recognize';

export { recognizeDates } from './recognize';
export { detectDocumentDate, detectDocumentDateFromName } from './document-date';

/** The date recogniser for the recogniser registry. */
export const dateRecognizer: Recognizer = {
  name: 'dates',
  recognize: (text, context) => recognizeDates(text, context),
};
