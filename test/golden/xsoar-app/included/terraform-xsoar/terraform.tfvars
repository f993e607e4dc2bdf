# Secret values for main.tf. Keep this file out of version control and delete it after apply,
# or pass the values as TF_VAR_<name> environment variables instead.

refresh_token = "0.FAKE-refresh-token-for-tests-only.AbCdEf"
enc_key       = "RkFLRS1LRVktRk9SLVRFU1RTLU9OTFktMzItQllURVM="
