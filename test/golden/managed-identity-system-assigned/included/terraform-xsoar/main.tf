# Microsoft Graph Mail Single User instance "MS Graph Mail SU - SOC".
# Sign-in: Azure managed identity (system-assigned).
# A system-assigned managed identity needs no credentials: use_managed_identities = "true" is enough.
# self_deployed, insecure and proxy appear only when true: the integration reads them by plain
# truthiness, so a string "false" could mean true. Left out, they are false.

terraform {
  required_providers {
    xsoar = {
      source = "badarsebard/xsoar"
    }
  }
}

# XSOAR 6 only. Reads DEMISTO_BASE_URL and DEMISTO_API_KEY (optionally DEMISTO_INSECURE) from the environment.
provider "xsoar" {}

resource "xsoar_integration_instance" "graph_mail_single_user" {
  name               = "MS Graph Mail SU - SOC"
  integration_name   = "Microsoft Graph Mail Single User"
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
