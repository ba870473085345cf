/* Stage 6: sources. PLACEHOLDER until source detection lands: none. */
#include "doc.h"

precis_status pc_cite(pc_doc *d) {
  (void)d;
  return PRECIS_OK;
}
