/* Per-segment totals from account-level columns (see amsize/totals.h). */
#include "internal.h"
