#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring,
# so keytar talks to a real Secret Service that disappears afterwards.
#   bash test/keyring/with-keyring.sh <command...>
# Already inside such a session (GMA_PRIVATE_KEYRING=1)? Runs the command as is.
set -euo pipefail
if [ "${GMA_PRIVATE_KEYRING:-}" = "1" ]; then exec "$@"; fi
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus gnome-keyring libsecret-tools)" >&2
  exit 2
fi
exec dbus-run-session -- bash "$(dirname "$0")/inside-keyring-session.sh" "$@"
