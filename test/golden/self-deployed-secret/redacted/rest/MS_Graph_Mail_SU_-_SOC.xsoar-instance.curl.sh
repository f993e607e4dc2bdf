#!/bin/sh
# Creates or updates the XSOAR instance "MS Graph Mail SU - SOC" of
# "Microsoft Graph Mail Single User" from MS_Graph_Mail_SU_-_SOC.xsoar-instance.json.
# Sign-in: Self-deployed Azure app with a client secret (authorization code flow).
#
# Usage:  sh this-file xsoar6   (XSOAR 6:  XSOAR_URL, XSOAR_API_KEY; optional XSOAR_ACCOUNT)
#         sh this-file xsoar8   (XSOAR 8 / XSIAM: XSOAR_FQDN, XSOAR_API_KEY, XSOAR_API_KEY_ID)
#
# The API key comes from the environment and reaches curl on stdin (-H @-), so it is
# not written here and does not show in the process list. Set it without echoing, e.g. in bash:
#   read -rs XSOAR_API_KEY && export XSOAR_API_KEY
# Then run !msgraph-mail-test in the War Room. The Test button (and /settings/integration/test)
# always fails in this mode with "Please use !msgraph-mail-test instead".
set -eu
BODY='MS_Graph_Mail_SU_-_SOC.xsoar-instance.json'

case "${1:-}" in
  xsoar6)
    : "${XSOAR_URL:?set XSOAR_URL, e.g. https://xsoar.example.com}"
    : "${XSOAR_API_KEY:?set XSOAR_API_KEY (Settings > Integrations > API Keys)}"
    # Multi-tenant XSOAR 6: set XSOAR_ACCOUNT to address /acc_<account>.
    ACCOUNT_PATH="${XSOAR_ACCOUNT:+/acc_${XSOAR_ACCOUNT}}"
    printf 'Authorization: %s\n' "$XSOAR_API_KEY" |
      curl --fail-with-body --silent --show-error \
        -X PUT "${XSOAR_URL%/}${ACCOUNT_PATH}/settings/integration" \
        -H @- -H 'Content-Type: application/json' -H 'Accept: application/json' \
        --data-binary @"$BODY"
    ;;
  xsoar8)
    : "${XSOAR_FQDN:?set XSOAR_FQDN, e.g. mytenant.xdr.us.paloaltonetworks.com (without api-)}"
    : "${XSOAR_API_KEY:?set XSOAR_API_KEY (Settings > Configurations > API Keys, Standard key)}"
    : "${XSOAR_API_KEY_ID:?set XSOAR_API_KEY_ID (the ID column of that key)}"
    printf 'Authorization: %s\nx-xdr-auth-id: %s\n' "$XSOAR_API_KEY" "$XSOAR_API_KEY_ID" |
      curl --fail-with-body --silent --show-error \
        -X PUT "https://api-${XSOAR_FQDN}/xsoar/settings/integration" \
        -H @- -H 'Content-Type: application/json' -H 'Accept: application/json' \
        --data-binary @"$BODY"
    ;;
  *)
    echo "usage: sh $0 xsoar6|xsoar8" >&2
    exit 2
    ;;
esac
