/**
 * Dates and times: recognition of temporal expressions with TIMEX3 values, and detection of an
 * article's own date, the anchor for relative expressions ("two years ago", "Thursday").
 */
export { dateRecognizer, recognizeDates } from './recognize';
export { detectDocumentDate, detectDocumentDateFromName } from './document-date';
