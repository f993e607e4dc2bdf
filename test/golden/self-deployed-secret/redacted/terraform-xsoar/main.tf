# Microsoft Graph Mail Single User instance "MS Graph Mail SU - SOC".
# Sign-in: Self-deployed Azure app with a client secret (authorization code flow).
# Terraform providers send every config value as a string, so the credentials go into the hidden
# legacy parameters (auth_id, refresh_token, enc_key, certificate_thumbprint, private_key, auth_code),
# which the integration reads when the creds_* credential objects are absent.
# Secrets are sensitive variables, but Terraform still writes them into its state file:
# keep the state encrypted and access-controlled (remote backend), or apply once and delete it.
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

variable "enc_key" {
  type        = string
  sensitive   = true
  description = "Key or Client Secret (secret; set it in terraform.tfvars or TF_VAR_enc_key, never in this file)"
}

variable "auth_code" {
  type        = string
  sensitive   = true
  description = "Authorization code (required for self-deployed Azure app) (secret; set it in terraform.tfvars or TF_VAR_auth_code, never in this file)"
}

resource "xsoar_integration_instance" "graph_mail_single_user" {
  name               = "MS Graph Mail SU - SOC"
  integration_name   = "Microsoft Graph Mail Single User"
  incoming_mapper_id = "Microsoft Graph Mail Single User-mapper"
  mapping_id         = "Microsoft Graph Mail Single User"

  config = {
    auth_id                 = "00000000-0000-4000-8000-00000000c1d0"
    refresh_token           = "00000000-0000-4000-8000-0000000074e1"
    enc_key                 = var.enc_key
    auth_code               = var.auth_code
    redirect_uri            = "https://localhost"
    self_deployed           = "true"
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
