// OpenBLAS's CBLAS interface and the reference LAPACKE C interface.
// Include paths come from pkg-config "openblas" (cblas.h) and the system include
// directory (lapacke.h, from Debian's liblapacke-dev).
#include <cblas.h>
#include <lapacke.h>
