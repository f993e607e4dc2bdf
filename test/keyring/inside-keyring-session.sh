#!/usr/bin/env bash
# Second half of with-keyring.sh, run by dbus-run-session: a throwaway keyring
# directory, gnome-keyring unlocked with a throwaway password, then the command.
set -euo pipefail
export XDG_DATA_HOME
XDG_DATA_HOME=$(mktemp -d -t gma-keyring.XXXXXX)
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
mkdir -p "$XDG_DATA_HOME/keyrings"
# The password only protects this throwaway keyring for the length of the run.
eval "$(printf 'gma-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL GMA_PRIVATE_KEYRING=1
"$@"
