/** Places (issue 16): the offline gazetteer and linking PLACE mentions to it. */
export { Gazetteer, isCountry, nameKey, type Place } from './gazetteer';
export { candidates, countriesIn, isPlaceId, linkPlace, namedCountries, type Candidate, type Link, type LinkStatus, type PlaceContext } from './link';
export { filterPlaceMap, placeMap, placeMentions, type MapPoint, type PlaceFilter, type PlaceDocument, type PlaceMap, type PlaceMention } from './mentions';
