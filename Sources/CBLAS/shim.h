// OpenBLAS's CBLAS interface and the reference LAPACKE C interface.
// Include paths come from pkg-config "openblas" (cblas.h) and the system include
// directory (lapacke.h, from Debian's liblapacke-dev).
#include <cblas.h>
#include <lapacke.h>

// OpenBLAS starts its worker threads when it is loaded; with WardSPC threading over
// series itself they only spin. This OpenBLAS function stops them (exported by the
// OpenBLAS builds Debian ships; declared here as cblas.h does not).
int blas_thread_shutdown_(void);
