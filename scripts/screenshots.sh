#!/usr/bin/env bash
# Regenerates docs/screenshots/: the browser tests that look at each page at desktop size and at 375 px
# save what they see. Needs what scripts/test.sh installs (Chromium and ChromeDriver).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/Sharekeep.Server.Tests -c Debug -v quiet -nologo >/dev/null
SHAREKEEP_SCREENSHOTS="$PWD/docs/screenshots" dotnet test --project tests/Sharekeep.Server.Tests --no-build \
  -- --filter-method "*Pages_ReadWithoutSidewaysScrolling_OnDesktopAndAt375Pixels*"
ls -1 docs/screenshots
