// core/core.h
// core — the small shared vocabulary every other module speaks: exact Money
// and currencies, UTC timestamps and business dates, the o2c::Error type,
// secret references with redaction, logging setup, and a few text helpers.
// Owns no I/O beyond reading secret files and writing logs. Depends on
// nothing else in the project; everything depends on it.
#pragma once

#include "core/error.h"
#include "core/log.h"
#include "core/money.h"
#include "core/secret.h"
#include "core/text.h"
#include "core/time.h"
