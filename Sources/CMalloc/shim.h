// glibc's malloc controls and statistics, which the Glibc module does not export: the daemon gives freed heap pages
// back to the system after its wake-ups (malloc_trim), and the year simulation reports the live heap (mallinfo2).
#include <malloc.h>
