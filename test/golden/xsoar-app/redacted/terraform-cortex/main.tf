# Microsoft Graph Mail Single User instance "MS Graph Mail SU - SOC".
# Sign-in: Cortex XSOAR application (ID, Token, Key from the oproxy consent page).
# Terraform providers send every config value as a string, so the credentials go into the hidden
# legacy parameters (auth_id, refresh_token, enc_key, certificate_thumbprint, private_key, auth_code),
# which the integration reads when the creds_* credential objects are absent.
# Secrets are sensitive variables, but Terraform still writes them into its state file:
# keep the state encrypted and access-controlled (remote backend), or apply once and delete it.
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

variable "refresh_token" {
  type        = string
  sensitive   = true
  description = "Token or Tenant ID (secret; set it in terraform.tfvars or TF_VAR_refresh_token, never in this file)"
}

variable "enc_key" {
  type        = string
  sensitive   = true
  description = "Key or Client Secret (secret; set it in terraform.tfvars or TF_VAR_enc_key, never in this file)"
}

resource "cortex_integration_instance" "graph_mail_single_user" {
  name               = "MS Graph Mail SU - SOC"
  integration_name   = "Microsoft Graph Mail Single User"
  enabled            = true
  incoming_mapper_id = "Microsoft Graph Mail Single User-mapper"
  mapping_id         = "Microsoft Graph Mail Single User"

  config = {
    auth_id                 = "FAKE0000-0000-4000-8000-00000000a11d@https://oproxy.example.invalid/obtain-token"
    refresh_token           = var.refresh_token
    enc_key                 = var.enc_key
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
