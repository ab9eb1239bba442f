/* libamsize 1.0's name for amsize/export.h, kept so that old includes
 * still compile. New code includes <amsize.h>. */
#ifndef AMSIZE_COMMON_H
#define AMSIZE_COMMON_H

#include "amsize/export.h"

#endif /* AMSIZE_COMMON_H */
