"""The document platform's file-sharing workflow, through the platform's own generated Python SDK
(docspace-api-sdk), against a Sharekeep at BASE_URL with API_KEY. Each call goes through the SDK's typed models,
so an answer that misses a field the SDK requires, or has a wrong type, fails here as it would for a user.
Run by scripts/sdk-acceptance.sh, which puts the SDK on PYTHONPATH; exits non-zero on the first failure."""
import datetime
import os
import sys

import requests
import docspace_api_sdk as sdk
# The package exports two classes named SettingsApi (files and portal); the files one is the one meant here.
from docspace_api_sdk.api.files.settings_api import SettingsApi as FilesSettingsApi

base, key = os.environ["BASE_URL"], os.environ["API_KEY"]
client = sdk.ApiClient(sdk.Configuration(host=base))
client.set_default_header("Authorization", f"Bearer {key}")
files, settings, sharing = sdk.FilesApi(client), FilesSettingsApi(client), sdk.SharingApi(client)


def step(name, value):
    print(f"[{name}] ok: {value}")
    return value


def expect(name, actual, wanted):
    if actual != wanted:
        sys.exit(f"[{name}] expected {wanted!r}, got {actual!r}")
    step(name, actual)


# The SDK's upload sends no file (its UploadRequestDto goes into the query string), so the upload is the one call
# made by hand, as the platform's own documentation shows it.
upload = requests.post(f"{base}/api/2.0/files/@my/upload", headers={"Authorization": f"Bearer {key}"},
                       files={"File": ("minutes.txt", b"Board minutes")}, timeout=30)
upload.raise_for_status()
file_id = sdk.FileIntegerArrayWrapper.from_dict(upload.json()).response[0].id
step("upload", file_id)

info = files.get_file_info(file_id).response
expect("file info title", info.title, "minutes.txt")

request = sdk.FileLinkRequest(
    title="For the board", password="Board-Minutes-42", access=sdk.FileShare.Read,
    expiration_date=sdk.ApiDateTime(utc_time=datetime.datetime(2031, 1, 1, tzinfo=datetime.timezone.utc)))
link = files.set_file_external_link(file_id, request).response
token = (link.shared_link or sdk.FileShareLink.from_dict(link.shared_to)).request_token
step("password link with an expiry", token)

listed = files.get_file_links(file_id, count=25, start_index=0).response
expect("links listed", len(listed), 1)
primary = files.get_file_primary_external_link(file_id).response
expect("primary link", primary.shared_link.primary, True)

expect("settings read", settings.get_files_settings().response.external_share, True)
for name, call in (("external", settings.external_share), ("social media", settings.external_share_social_media)):
    expect(f"{name} off", call(sdk.DisplayRequestDto(set=False)).response, False)
    expect(f"{name} on", call(sdk.DisplayRequestDto(set=True)).response, True)

visitor = sdk.SharingApi(sdk.ApiClient(sdk.Configuration(host=base)))
expect("key opened", visitor.get_external_share_data(token).response.status, sdk.Status.RequiredPassword)
expect("wrong password", visitor.apply_external_share_password(
    token, sdk.ExternalShareRequestParam(password="wrong")).response.status, sdk.Status.InvalidPassword)
expect("right password", visitor.apply_external_share_password(
    token, sdk.ExternalShareRequestParam(password="Board-Minutes-42")).response.status, sdk.Status.Ok)

settings.external_share(sdk.DisplayRequestDto(set=False))
expect("external sharing off", visitor.get_external_share_data(token).response.status, sdk.Status.ExternalAccessDenied)
settings.external_share(sdk.DisplayRequestDto(set=True))

operations = files.delete_file(file_id, sdk.Delete(delete_after=False, immediately=True)).response
expect("deleted", operations[0].finished, True)
print("sdk workflow: every step passed")
