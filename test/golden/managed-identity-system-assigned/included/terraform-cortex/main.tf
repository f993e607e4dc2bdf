# Microsoft Graph Mail Single User instance "MS Graph Mail SU - SOC".
# Sign-in: Azure managed identity (system-assigned).
# A system-assigned managed identity needs no credentials: use_managed_identities = "true" is enough.
# self_deployed, insecure and proxy appear only when true: the integration reads them by plain
# truthiness, so a string "false" could mean true. Left out, they are false.
# Note: this provider sends value "" for parameters not listed in config; whether XSOAR passes that
# to the integration for credential parameters is unverified. Check with !msgraph-mail-test after apply.

terraform {
  required_providers {
    cortex = {
      source = "mdrobniu/cortex"
    }
  }
}

# XSOAR 6, XSOAR 8 and XSIAM. Reads DEMISTO_BASE_URL, DEMISTO_API_KEY and, for XSOAR 8 / XSIAM,
# DEMISTO_AUTH_ID from the environment.
provider "cortex" {}

resource "cortex_integration_instance" "graph_mail_single_user" {
  name               = "MS Graph Mail SU - SOC"
  integration_name   = "Microsoft Graph Mail Single User"
  enabled            = true
  incoming_mapper_id = "Microsoft Graph Mail Single User-mapper"
  mapping_id         = "Microsoft Graph Mail Single User"

  config = {
    use_managed_identities  = "true"
    isFetch                 = "true"
    mailbox_to_fetch        = "soc-mailbox@contoso.example"
    folder_to_fetch         = "Inbox/Phishing"
    first_fetch             = "15 minutes"
    fetch_limit             = "50"
    incidentType            = "Phishing"
    display_full_email_body = "false"
    fetch_html_formatting   = "false"
    mark_fetched_read       = "false"
    incidentFetchInterval   = "1"
    legacy_name             = "false"
  }
}
