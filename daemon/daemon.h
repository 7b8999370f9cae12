// daemon/daemon.h
// daemon — o2csync's command line and the glue between the stages: reads
// config.yaml (config/), builds the store and one connector + mapper per
// configured stream (app.h, source_factory.cpp), runs the sync loop
// (sync_run.cpp: page → map → commit with the cursor, one transaction per
// page), a reconciliation pass (reconcile_run.cpp), the weekly report
// (report_run.cpp) and `o2csync demo` against o2csync-sim. Owns exit codes
// and what the admin reads on the terminal; owns no business rule, no SQL and
// no wire format. Nothing includes from daemon/ except its own files and tests.
#pragma once

#include "daemon/commands.h"
#include "daemon/exit_codes.h"
