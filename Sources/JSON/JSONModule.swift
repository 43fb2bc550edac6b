// JSONValue moves here from Scenarios once that work lands.
