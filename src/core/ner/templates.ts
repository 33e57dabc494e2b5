/**
 * The tagger's feature templates: each feature hash is mix(template, value), for the word-level features
 * of a lexeme (lexeme.ts) and the features of a token in its sentence (features.ts).
 */
// Changing these invalidates a trained model.
export const enum T {
  Bias = 1, Word, Lower, Shape, Prefix, Suffix, LowerM1, LowerP1, LowerM2, LowerP2,
  ShapeM1, ShapeP1, ShapeM2, ShapeP2, BigramM1, BigramP1, ShapeTrigram, First, Headline, HeadlineWord,
  DocLower, DocMidCap, Gaz, GazShape, Flags, SuffixM1, ShapeLowerP1, LowerM1ShapeP1,
  Title, TitleWord, Common, Head, Demonym, DemonymNext, Place, PlaceShape,
  Cluster, ClusterCoarse, ClusterM1, ClusterP1,
}
