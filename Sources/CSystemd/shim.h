// The parts of libsystemd inspectd uses: readiness and watchdog notification, and the journal (write and read).
// sd_journal_send/sd_journal_print are variadic and cannot be called from Swift; sd_journal_sendv can.
#ifndef INSPECTD_CSYSTEMD_SHIM_H
#define INSPECTD_CSYSTEMD_SHIM_H

#include <sys/uio.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-id128.h>
#include <systemd/sd-journal.h>

#endif
