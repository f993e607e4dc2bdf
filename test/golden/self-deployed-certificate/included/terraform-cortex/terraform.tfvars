# Secret values for main.tf. Keep this file out of version control and delete it after apply,
# or pass the values as TF_VAR_<name> environment variables instead.

private_key = "-----BEGIN PRIVATE KEY-----\nRkFLRSBQUklWQVRFIEtFWSBGT1IgVEVTVFMgLSBOT1QgQSBSRUFMIEtFWQ==\n-----END PRIVATE KEY-----"
auth_code   = "0.FAKE-auth-code-for-tests-only_AbCdEf"
