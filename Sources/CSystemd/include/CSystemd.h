// The parts of libsystemd inspectd uses: readiness and watchdog notification, and the journal (write and read).
//
// libsystemd is not linked: it is opened with dlopen on the first call to one of these functions. Linked, it and the
// six libraries it needs (libgcrypt, liblzma, libzstd, liblz4, libcap, libgpg-error) are mapped and relocated at
// every start of inspectctl, about half a millisecond, though most commands never call it.
//
// Each function below is libsystemd's function of the same name without the `lazy_` prefix, with the same
// parameters and result. When libsystemd cannot be opened, those returning int return -ELIBACC (as libsystemd
// returns a negative errno on failure) and the others do nothing.
// sd_journal_send/sd_journal_print are variadic and cannot be called from Swift; sd_journal_sendv can.
#ifndef INSPECTD_CSYSTEMD_H
#define INSPECTD_CSYSTEMD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>
#include <systemd/sd-daemon.h>
// Without this, sd-journal.h turns sd_journal_sendv into a macro adding the C caller's source location.
#define SD_JOURNAL_SUPPRESS_LOCATION
#include <systemd/sd-journal.h>

// The functions, as X(name, parameters, arguments): INT for those returning int, VOID for the others.
#define CSYSTEMD_FUNCTIONS(INT, VOID)                                                                                 \
    INT(sd_notify, (int unset_environment, const char *state), (unset_environment, state))                           \
    INT(sd_watchdog_enabled, (int unset_environment, uint64_t *usec), (unset_environment, usec))                     \
    INT(sd_journal_sendv, (const struct iovec *iov, int n), (iov, n))                                                 \
    INT(sd_journal_open, (sd_journal * *ret, int flags), (ret, flags))                                                \
    INT(sd_journal_open_directory, (sd_journal * *ret, const char *path, int flags), (ret, path, flags))             \
    VOID(sd_journal_close, (sd_journal * j), (j))                                                                     \
    INT(sd_journal_set_data_threshold, (sd_journal * j, size_t size), (j, size))                                      \
    INT(sd_journal_add_match, (sd_journal * j, const void *data, size_t size), (j, data, size))                       \
    VOID(sd_journal_flush_matches, (sd_journal * j), (j))                                                             \
    INT(sd_journal_seek_head, (sd_journal * j), (j))                                                                  \
    INT(sd_journal_seek_tail, (sd_journal * j), (j))                                                                  \
    INT(sd_journal_seek_realtime_usec, (sd_journal * j, uint64_t usec), (j, usec))                                    \
    INT(sd_journal_next, (sd_journal * j), (j))                                                                       \
    INT(sd_journal_previous, (sd_journal * j), (j))                                                                   \
    INT(sd_journal_wait, (sd_journal * j, uint64_t timeout_usec), (j, timeout_usec))                                  \
    INT(sd_journal_get_realtime_usec, (sd_journal * j, uint64_t *ret), (j, ret))                                      \
    INT(sd_journal_get_cursor, (sd_journal * j, char **cursor), (j, cursor))                                          \
    VOID(sd_journal_restart_data, (sd_journal * j), (j))                                                              \
    INT(sd_journal_enumerate_available_data, (sd_journal * j, const void **data, size_t *length), (j, data, length)) \
    INT(sd_journal_get_data, (sd_journal * j, const char *field, const void **data, size_t *length),                  \
        (j, field, data, length))

#define CSYSTEMD_DECLARE_INT(name, parameters, arguments) int lazy_##name parameters;
#define CSYSTEMD_DECLARE_VOID(name, parameters, arguments) void lazy_##name parameters;
CSYSTEMD_FUNCTIONS(CSYSTEMD_DECLARE_INT, CSYSTEMD_DECLARE_VOID)

#endif
