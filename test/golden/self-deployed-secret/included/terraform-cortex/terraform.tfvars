# Secret values for main.tf. Keep this file out of version control and delete it after apply,
# or pass the values as TF_VAR_<name> environment variables instead.

enc_key   = "FAKE~client~secret~value~for~tests~only"
auth_code = "0.FAKE-auth-code-for-tests-only_AbCdEf"
