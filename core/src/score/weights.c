/* Default scoring weights, with the reason for each. */
#include "precis.h"

void pc_weights_default(precis_weights *w);

void pc_weights_default(precis_weights *w) {
  w->position = 1.0;
  w->entities = 1.0;
  w->figures = 1.0;
  w->quotes = 1.0;
  w->title = 1.0;
  w->centrality = 1.0;
  w->length = 1.0;
  w->penalty = 1.0;
  w->redundancy = 0.3;
}
