/** Every command id Factmark contributes, declared once (the manifest test checks package.json agrees). */
export const enum CommandId {
  ToggleSuggestions = 'factmark.toggleSuggestions',
  RecognizeNow = 'factmark.recognizeNow',
  ExportAnnotations = 'factmark.exportAnnotations',
  ImportAnnotations = 'factmark.importAnnotations',
  /** Internal, for tests and tools: the current suggestions of a document. */
  GetSuggestions = 'factmark.internal.getSuggestions',
}
