// glibc's malloc statistics (mallinfo2), which the Glibc module does not export: the year simulation reports how
// much of its resident memory is live heap.
#include <malloc.h>
