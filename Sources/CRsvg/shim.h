// librsvg (SVG parsing and drawing) and cairo (image, PNG and PDF surfaces).
// Include paths come from pkg-config "librsvg-2.0", which requires cairo; Debian
// packages librsvg2-dev and libcairo2-dev.
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <cairo-pdf.h>
