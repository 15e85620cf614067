# Sourced by scripts/install and scripts/uninstall: where each installed file goes, from $prefix.
# shellcheck shell=bash
# It reads $prefix from its user and sets variables for it to use:
# shellcheck disable=SC2034,SC2154
# systemd searches /usr/lib and /usr/local/lib for units, sysusers.d, tmpfiles.d and catalogs, and no other prefix;
# /etc is the administrator's, for drop-ins and local units. Programs under another prefix get their systemd files
# in /usr/local/lib, with ExecStart= naming the prefix.
case $prefix in
/usr | /usr/local) systemd_lib=$prefix/lib ;;
*) systemd_lib=/usr/local/lib ;;
esac
bindir=$prefix/bin
docdir=$prefix/share/doc/inspectd
defaultsdir=$prefix/share/inspectd/defaults
# The central journal's drop-ins (systemd/center, systemd/site), for a center or a site to copy into /etc.
journalconfdir=$prefix/share/inspectd/journal
unitdir=$systemd_lib/systemd/system
sysusersdir=$systemd_lib/sysusers.d
tmpfilesdir=$systemd_lib/tmpfiles.d
catalogdir=$systemd_lib/systemd/catalog
configdir=/etc/inspectd
# The manual page and the shell completions, where man, bash-completion, zsh and fish look under /usr and
# /usr/local (the share directories of $XDG_DATA_DIRS).
man1dir=$prefix/share/man/man1
bashcompletiondir=$prefix/share/bash-completion/completions
zshcompletiondir=$prefix/share/zsh/site-functions
fishcompletiondir=$prefix/share/fish/vendor_completions.d
