// Calls into libsystemd, opened on first use (see CSystemd.h for why).
#include "CSystemd.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>

// libsystemd's functions, resolved once; a function stays NULL when the library or the symbol is missing.
static struct {
#define FUNCTION_INT(name, parameters, arguments) int(*name) parameters;
#define FUNCTION_VOID(name, parameters, arguments) void(*name) parameters;
    CSYSTEMD_FUNCTIONS(FUNCTION_INT, FUNCTION_VOID)
} libsystemd;

static pthread_once_t loaded = PTHREAD_ONCE_INIT;

static void load(void) {
    // The soname, which every libsystemd since 209 has had: no development symlink is needed at run time.
    void *handle = dlopen("libsystemd.so.0", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return;
#define RESOLVE(name, parameters, arguments) libsystemd.name = dlsym(handle, #name);
    CSYSTEMD_FUNCTIONS(RESOLVE, RESOLVE)
}

#define DEFINE_INT(name, parameters, arguments)                                                                       \
    int lazy_##name parameters {                                                                                      \
        pthread_once(&loaded, load);                                                                                  \
        return libsystemd.name != NULL ? libsystemd.name arguments : -ELIBACC;                                        \
    }
#define DEFINE_VOID(name, parameters, arguments)                                                                      \
    void lazy_##name parameters {                                                                                     \
        pthread_once(&loaded, load);                                                                                  \
        if (libsystemd.name != NULL) libsystemd.name arguments;                                                       \
    }
CSYSTEMD_FUNCTIONS(DEFINE_INT, DEFINE_VOID)
