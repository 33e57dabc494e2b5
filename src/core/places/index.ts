/** Places (issue 16): the offline gazetteer and linking PLACE mentions to it. */
export { Gazetteer, isCountry, nameKey, type Place } from './gazetteer';
export { candidates, countriesIn, isPlaceId, linkPlace, namedCountries, type Candidate, type Link, type LinkStatus, type PlaceContext } from './link';
export { filterPlaceMap, placeFilter, placeMap, placeMapSteps, placeMentions, type Judged, type MapPoint, type PlaceFilter, type PlaceDocument, type PlaceMap, type PlaceMention } from './mentions';
export { filterMapView, mapList, mapView, type CountedPoint, type MapView, type MapViewPoint, type MentionCount } from './view';
