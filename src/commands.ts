/** Every command id Factmark contributes, declared once (the manifest test checks package.json agrees). */
export enum CommandId {
  ToggleSuggestions = 'factmark.toggleSuggestions',
  RecognizeNow = 'factmark.recognizeNow',
  SetDocumentDate = 'factmark.setDocumentDate',
  ExportAnnotations = 'factmark.exportAnnotations',
  ImportAnnotations = 'factmark.importAnnotations',
  // The annotating workflow (issue 5)
  TagAs = 'factmark.tagAs',
  TagPerson = 'factmark.tagPerson',
  TagOrganization = 'factmark.tagOrganization',
  TagPlace = 'factmark.tagPlace',
  TagDate = 'factmark.tagDate',
  TagAllOccurrences = 'factmark.tagAllOccurrences',
  /** Tags the selection with the custom label whose key is `{ key }` (the `Alt+M <key>` chords). */
  TagWithLabelKey = 'factmark.tagWithLabelKey',
  RemoveAnnotation = 'factmark.removeAnnotation',
  RetypeAnnotation = 'factmark.retypeAnnotation',
  EditNote = 'factmark.editNote',
  EditValue = 'factmark.editValue',
  EditKb = 'factmark.editKb',
  AcceptSuggestion = 'factmark.acceptSuggestion',
  RejectSuggestion = 'factmark.rejectSuggestion',
  AcceptAllOfType = 'factmark.acceptAllOfType',
  /** Accept with a scope ({ scope: 'mention' | 'document' }, asked when absent). */
  AcceptScoped = 'factmark.acceptScoped',
  /** Reject with a scope ({ scope: 'mention' | 'document' | 'everywhere' }, asked when absent). */
  RejectScoped = 'factmark.rejectScoped',
  /** Forget texts confirmed or rejected in the lexicon (a pick list). */
  ForgetTextDecision = 'factmark.forgetTextDecision',
  /** Reset the entity-model corrections learnt from the user's decisions (asks first unless { force: true }; a copy is kept; Undo). */
  ResetModelCorrections = 'factmark.resetModelCorrections',
  /** Undo / redo the last annotation action (not text edits). */
  Undo = 'factmark.undo',
  Redo = 'factmark.redo',
  /** Forget the Learned view's row it is run on. */
  LearnedForget = 'factmark.learned.forget',
  /** Restore the rejected mention of the Learned view's row it is run on (the suggestion comes back). */
  LearnedRestore = 'factmark.learned.restore',
  RejectAllOfType = 'factmark.rejectAllOfType',
  CreateFact = 'factmark.createFact',
  EditFact = 'factmark.editFact',
  DeleteFact = 'factmark.deleteFact',
  NextAnnotation = 'factmark.nextAnnotation',
  PreviousAnnotation = 'factmark.previousAnnotation',
  NextSuggestion = 'factmark.nextSuggestion',
  PreviousSuggestion = 'factmark.previousSuggestion',
  NextFact = 'factmark.nextFact',
  PreviousFact = 'factmark.previousFact',
  GoToFact = 'factmark.goToFact',
  /** Search every annotation and fact of the workspace (a quick pick with typed filters; issue 15). */
  SearchAnnotations = 'factmark.searchAnnotations',
  /** Link the annotation under the cursor to an entity ({ uri, id, entity } links at once; issue 15). */
  LinkEntity = 'factmark.linkEntity',
  /** Merge an entity into another ({ entity, into }, asked when absent). */
  MergeEntity = 'factmark.mergeEntity',
  /** Split mentions off an entity into a new one ({ entity, mentions: ['uri#id'], name }, asked when absent). */
  SplitEntity = 'factmark.splitEntity',
  ShowView = 'factmark.showView',
  ShowLegend = 'factmark.showLegend',
  ViewGroupBy = 'factmark.view.groupBy',
  ViewFilter = 'factmark.view.filter',
  ViewClearFilter = 'factmark.view.clearFilter',
  ViewShowWorkspace = 'factmark.view.showWorkspace',
  ViewShowDocument = 'factmark.view.showDocument',
  ViewRetype = 'factmark.view.retype',
  ViewDelete = 'factmark.view.delete',
  ViewCopyCitation = 'factmark.view.copyCitation',
  ViewShowSuggestions = 'factmark.view.showSuggestions',
  ViewHideSuggestions = 'factmark.view.hideSuggestions',
  ViewAcceptSuggestion = 'factmark.view.acceptSuggestion',
  ViewRejectSuggestion = 'factmark.view.rejectSuggestion',
  /** Internal: the one reveal every jump goes through ({ uri, start, end }). */
  Reveal = 'factmark.internal.reveal',
  /** Internal, for tests: the Factmark view's current tree as plain data. */
  GetTree = 'factmark.internal.getTree',
  /** Internal, for tests: save the workspace index for the next session, or build it as a reopened workspace does ({ action }). */
  IndexSnapshot = 'factmark.internal.indexSnapshot',
  /** Internal, for tests and tools: the current suggestions of a document. */
  GetSuggestions = 'factmark.internal.getSuggestions',
  /** Internal: a plain copy of a document's annotations (the sidecar store). */
  GetAnnotations = 'factmark.internal.getAnnotations',
  /** Internal, for tests: the documents whose deletion Factmark has handled (told the user, kept the sidecar). */
  GetHandledDeletes = 'factmark.internal.getHandledDeletes',
  /** Internal, for tests: whether a document's sidecar is being anchored in a worker now (answers at once). */
  AnchoringInWorker = 'factmark.internal.anchoringInWorker',
  /** Internal, for tests: the off-thread anchoring's time limit and worker scripts ({ limitMs, node, web }; none: the defaults), answered with the line its log was told under the settings replaced. */
  AnchoringWorkers = 'factmark.internal.anchoringWorkers',
  /** Internal: add, update or remove annotations (for tests, before the tagging commands exist). */
  EditAnnotations = 'factmark.internal.editAnnotations',
  // When and where (issue 16)
  ShowTimeline = 'factmark.showTimeline',
  ShowMap = 'factmark.showMap',
  LinkPlace = 'factmark.linkPlace',
  /** The picture panels' actions, on the active panel ({ target } to save without asking where). */
  PictureExportSvg = 'factmark.picture.exportSvg',
  PictureExportPng = 'factmark.picture.exportPng',
  PictureToggleWorkspace = 'factmark.picture.toggleWorkspace',
  TimelineFit = 'factmark.timeline.fit',
  /** ({ grouping: 'type' | 'entity' | 'document' }, asked when absent). */
  TimelineGroupBy = 'factmark.timeline.groupBy',
  /** Internal, for tests: the data the open map panel draws. */
  GetMap = 'factmark.internal.getMap',
  /** Internal, for tests: the data the open timeline panel draws. */
  GetTimeline = 'factmark.internal.getTimeline',
  /** Internal, for tests: the Learned view's rows as plain data. */
  GetLearned = 'factmark.internal.getLearned',
  /** Internal, for tests: where the learnt entity-model corrections are saved (a URI string, or undefined), once they were read. */
  GetModelCorrectionsFile = 'factmark.internal.getModelCorrectionsFile',
  /** Internal: the orphan quick fixes (anchor on a span, delete). */
  FixOrphan = 'factmark.internal.fixOrphan',
  FixEntityLink = 'factmark.internal.fixEntityLink',
}
